package dev.starlight.explain.model;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.model.ModelFollower;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.explain.config.ExplainConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The explainer's side of the core's {@link ModelFollower}, so it explains with the model the detectors serve:
 * envelopes from {@code starlight.models} are checked (checksum; signature with {@code starlight.explain.trusted-keys},
 * before the ONNX bytes reach ONNX Runtime) and, with {@code starlight.explain.require-approval}, wait for the
 * monitor's decision naming them champion. Off with {@code starlight.explain.follow-models=false}: records are then
 * read and ignored. An unreadable key file stops the start-up.
 */
@Startup
@ApplicationScoped
public class ModelUpdates {
    private static final Logger LOG = Logger.getLogger(ModelUpdates.class);

    private final ExplainModels models;
    private final boolean follow;
    private final ModelFollower follower;

    public ModelUpdates(ExplainModels models, ExplainConfig config) {
        this.models = models;
        this.follow = config.followModels();
        this.follower = new ModelFollower(trustedKeys(config.trustedKeys().orElse(List.of())),
                config.requireApproval());
    }

    private static TrustedKeys trustedKeys(List<Path> files) {
        try {
            return files.isEmpty() ? null : TrustedKeys.fromPem(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read starlight.explain.trusted-keys", e);
        }
    }

    /** One record value of {@code starlight.models}. */
    public void onEnvelope(byte[] value) {
        if (!follow) {
            return;
        }
        ModelFollower.Step step = follower.onEnvelope(value);
        if (step instanceof ModelFollower.Serve s) {
            models.serve(s.envelope(), "starlight.models");
        } else if (step instanceof ModelFollower.Hold h) {
            LOG.infof("model %s %s held until the monitor approves it (champion now %s)", h.envelope().name(),
                    h.envelope().version(), h.champion() == null ? "none" : h.champion());
        } else if (step instanceof ModelFollower.Refuse r) {
            LOG.warnf("model envelope refused (%s): %s", r.reason(), r.message());
        }
    }

    /** One decision of the monitor; acted on only with {@code require-approval}. */
    public void onDecision(ModelDecision decision) {
        if (follow && follower.onDecision(decision) instanceof ModelFollower.Serve s
                && !models.serving(s.envelope().name(), s.envelope().version())) {
            models.serve(s.envelope(), "starlight.models (approved)");
        }
    }
}
