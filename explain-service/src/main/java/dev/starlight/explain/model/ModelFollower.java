package dev.starlight.explain.model;

import dev.starlight.codecs.StarlightException;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.core.model.UntrustedModelException;
import dev.starlight.explain.config.ExplainConfig;
import dev.starlight.explain.kafka.Channels;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Follows the compacted {@code starlight.models} topic from its beginning (a consumer group per instance), as the
 * detector does, so the explainer explains the model the detectors serve. Off with
 * {@code starlight.explain.follow-models=false}: records are then read and ignored. With
 * {@code starlight.explain.trusted-keys}, only models signed by one of those keys are followed (checked before the
 * ONNX bytes reach ONNX Runtime); an unreadable key file stops the start-up.
 */
@ApplicationScoped
public class ModelFollower {
    private static final Logger LOG = Logger.getLogger(ModelFollower.class);

    private final ExplainModels models;
    private final ExplainConfig config;
    private final TrustedKeys trusted;

    public ModelFollower(ExplainModels models, ExplainConfig config) {
        this.models = models;
        this.config = config;
        List<Path> files = config.trustedKeys().orElse(List.of());
        try {
            this.trusted = files.isEmpty() ? null : TrustedKeys.fromPem(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read starlight.explain.trusted-keys", e);
        }
    }

    @Incoming(Channels.MODELS)
    @Blocking
    public void onModel(byte[] value) {
        if (value == null || !config.followModels()) {
            return;
        }
        try {
            ModelEnvelope envelope = ModelEnvelope.fromBytes(value);
            if (trusted != null) {
                trusted.verify(envelope);
            }
            models.serve(envelope, "starlight.models");
        } catch (StarlightException e) {
            LOG.warnf("model envelope refused (%s): %s", e.code(), e.getMessage());
        } catch (UntrustedModelException e) {
            LOG.warnf("model envelope refused (%s): %s", e.reason(), e.getMessage());
        }
    }
}
