package dev.starlight.detector.model;

import dev.starlight.codecs.StarlightException;
import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelFollower;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.detector.config.DetectorConfig;
import dev.starlight.detector.scan.ScanMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The detector's side of the core's {@link ModelFollower}: each envelope from {@code starlight.models} and each
 * decision from {@code starlight.models.decisions} goes through it (checksum; signature with
 * {@code models.trusted-keys}; champion with {@code require-approval}), and what it says to serve is loaded into a
 * new ONNX Runtime session beside the serving one and only then swapped in. A model that fails any step is refused
 * and the serving model stays: requests never see a half-loaded model. An unreadable trusted-keys file stops the
 * start-up: a detector must not quietly accept every model because its trust list is broken.
 */
@Startup
@ApplicationScoped
public class ModelUpdates {
    private static final Logger LOG = Logger.getLogger(ModelUpdates.class);

    private final ModelRegistry registry;
    private final ScanMetrics metrics;
    private final ModelFollower follower;

    public ModelUpdates(ModelRegistry registry, ScanMetrics metrics, DetectorConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        this.follower = new ModelFollower(trustedKeys(config.models().trustedKeys().orElse(List.of())),
                config.requireApproval());
    }

    private static TrustedKeys trustedKeys(List<Path> files) {
        if (files.isEmpty()) {
            return null;
        }
        try {
            TrustedKeys keys = TrustedKeys.fromPem(files);
            LOG.infof("only models signed by one of the keys %s are loaded from the registry topic", keys.keyIds());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read starlight.detector.models.trusted-keys", e);
        }
    }

    /** One record value of {@code starlight.models}. */
    public void onEnvelope(byte[] value) {
        ModelFollower.Step step = follower.onEnvelope(value);
        if (step instanceof ModelFollower.Serve s) {
            serve(s.envelope(), follower.requiresApproval() ? "starlight.models (approved)" : "starlight.models", false);
        } else if (step instanceof ModelFollower.Hold h) {
            metrics.modelSwap("held");
            LOG.infof("model %s %s held until the monitor approves it (champion now %s)", h.envelope().name(),
                    h.envelope().version(), h.champion() == null ? "none" : h.champion());
        } else if (step instanceof ModelFollower.Refuse r) {
            metrics.modelSwap("refused");
            LOG.warnf("model refused (%s): %s; still serving %s", r.reason(), r.message(), registry.version());
        }
        // Ignore: a tombstone (the model was withdrawn from the registry); keep serving what we have
    }

    /** One decision of the monitor; acted on only with {@code require-approval}, logged in any case. */
    public void onDecision(ModelDecision decision) {
        if (!ModelDecision.TYPE.equals(decision.type())) {
            return;
        }
        LOG.infof("monitor decision on %s %s: %s%s, champion %s", decision.model(), decision.version(),
                decision.verdict(), decision.override() ? " (operator override)" : "", decision.champion());
        if (follower.onDecision(decision) instanceof ModelFollower.Serve s
                && !(s.envelope().name().equals(registry.name())
                && s.envelope().version().equals(registry.version()))) {
            serve(s.envelope(), "starlight.models (approved)", false);
        }
    }

    /**
     * Loads a verified envelope beside the serving model and swaps it in; refuses it (keeping the old) on failure.
     *
     * @param onlyIfNoModel swap only while no model serves (the shipped default must not replace a published one)
     */
    public void serve(ModelEnvelope envelope, String source, boolean onlyIfNoModel) {
        OnnxModel model;
        try {
            model = OnnxModel.load(envelope.onnx());
        } catch (StarlightException e) {
            metrics.modelSwap("refused");
            LOG.warnf("model %s %s from %s refused (%s): %s; still serving %s", envelope.name(), envelope.version(),
                    source, e.code(), e.getMessage(), registry.version());
            return;
        }
        Map<String, String> card = new TreeMap<>(envelope.metadata());
        card.put("sha256", envelope.sha256());
        card.put("createdAt", envelope.createdAt().toString());
        card.put("loadedAt", Instant.now().toString());
        card.put("inputs", String.join(",", model.info().inputs()));
        card.put("source", source);
        if (onlyIfNoModel) {
            if (!registry.swapIfRulesOnly(envelope.name(), envelope.version(), card, List.of(new ModelDetector(model)),
                    model)) {
                model.close();
                LOG.infof("model %s %s from %s not served: %s arrived first", envelope.name(), envelope.version(),
                        source, registry.version());
                return;
            }
        } else {
            registry.swap(envelope.name(), envelope.version(), card, List.of(new ModelDetector(model)), model);
        }
        metrics.modelSwap("loaded");
        LOG.infof("now serving model %s %s from %s (sha256 %s)", envelope.name(), envelope.version(), source,
                envelope.sha256());
    }
}
