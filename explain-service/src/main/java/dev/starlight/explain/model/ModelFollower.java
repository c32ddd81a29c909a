package dev.starlight.explain.model;

import dev.starlight.core.StarlightException;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.explain.config.ExplainConfig;
import dev.starlight.explain.kafka.Channels;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the compacted {@code starlight.models} topic from its beginning (a consumer group per instance), as the
 * detector does, so the explainer explains the model the detectors serve. Off with
 * {@code starlight.explain.follow-models=false}: records are then read and ignored.
 */
@ApplicationScoped
public class ModelFollower {
    private static final Logger LOG = Logger.getLogger(ModelFollower.class);

    private final ExplainModels models;
    private final ExplainConfig config;

    public ModelFollower(ExplainModels models, ExplainConfig config) {
        this.models = models;
        this.config = config;
    }

    @Incoming(Channels.MODELS)
    @Blocking
    public void onModel(byte[] value) {
        if (value == null || !config.followModels()) {
            return;
        }
        try {
            models.serve(ModelEnvelope.fromBytes(value), "starlight.models");
        } catch (StarlightException e) {
            LOG.warnf("model envelope refused (%s): %s", e.code(), e.getMessage());
        }
    }
}
