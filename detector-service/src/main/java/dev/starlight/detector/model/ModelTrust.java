package dev.starlight.detector.model;

import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.core.model.UntrustedModelException;
import dev.starlight.detector.config.DetectorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Which publishers' models may serve ({@code starlight.detector.models.trusted-keys}). Without trusted keys every
 * intact envelope is accepted; with them, only envelopes signed by one. An unreadable key file stops the start-up:
 * a detector must not quietly accept every model because its trust list is broken.
 */
@Startup
@ApplicationScoped
public class ModelTrust {
    private static final Logger LOG = Logger.getLogger(ModelTrust.class);

    private final TrustedKeys keys;

    public ModelTrust(DetectorConfig config) {
        List<Path> files = config.models().trustedKeys().orElse(List.of());
        try {
            this.keys = files.isEmpty() ? null : TrustedKeys.fromPem(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read starlight.detector.models.trusted-keys", e);
        }
        if (keys != null) {
            LOG.infof("only models signed by one of the keys %s are loaded from the registry topic", keys.keyIds());
        }
    }

    /** Throws {@link UntrustedModelException} when keys are configured and none of them signed {@code envelope}. */
    public void check(ModelEnvelope envelope) {
        if (keys != null) {
            keys.verify(envelope);
        }
    }
}
