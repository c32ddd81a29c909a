package dev.starlight.detector.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.StarlightException;
import dev.starlight.detector.config.DetectorConfig;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.UntrustedModelException;
import dev.starlight.detector.scan.ScanMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the compacted {@code starlight.models} topic from its beginning (each detector in its own consumer
 * group, so a detector that starts late still finds the current model). Each envelope is checked (checksum, and
 * signature when trusted keys are configured: {@link ModelTrust}), its
 * model loaded into a new ONNX Runtime session beside the serving one, and only then swapped in. A model that
 * fails any step is refused and the serving model stays: requests never see a half-loaded model.
 *
 * <p>With {@code starlight.detector.require-approval}, a published model only serves once the monitor's regression
 * decision ({@code starlight.models.decisions}) names it champion ({@link ApprovalGate}); an operator override is a
 * decision like any other.
 */
@ApplicationScoped
public class ModelUpdates {
    private static final Logger LOG = Logger.getLogger(ModelUpdates.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final ScanMetrics metrics;
    private final ModelTrust trust;
    private final boolean requireApproval;
    private final ApprovalGate gate = new ApprovalGate();

    public ModelUpdates(ModelRegistry registry, ScanMetrics metrics, DetectorConfig config, ModelTrust trust) {
        this.registry = registry;
        this.trust = trust;
        this.metrics = metrics;
        this.requireApproval = config.requireApproval();
    }

    @Incoming("models")
    @Blocking
    public void onModel(byte[] value) {
        if (value == null) {
            return; // a tombstone: the model was withdrawn from the registry; keep serving what we have
        }
        ModelEnvelope envelope;
        try {
            envelope = ModelEnvelope.fromBytes(value);
        } catch (StarlightException e) {
            metrics.modelSwap("refused");
            LOG.warnf("model refused (%s): %s; still serving %s", e.code(), e.getMessage(), registry.version());
            return;
        }
        try {
            trust.check(envelope);
        } catch (UntrustedModelException e) {
            metrics.modelSwap("refused");
            LOG.warnf("model refused (%s): %s; still serving %s", e.reason(), e.getMessage(), registry.version());
            return;
        }
        if (!requireApproval) {
            serve(envelope, "starlight.models", false);
            return;
        }
        gate.offer(envelope).ifPresentOrElse(approved -> serve(approved, "starlight.models (approved)", false),
                () -> {
                    metrics.modelSwap("held");
                    LOG.infof("model %s %s held until the monitor approves it (champion now %s)", envelope.name(),
                            envelope.version(), gate.champion(envelope.name()).orElse("none"));
                });
    }

    /**
     * Follows the monitor's regression decisions: with {@code require-approval}, the champion a decision names is
     * served as soon as its envelope is here. Without it, decisions are only logged.
     */
    @Incoming("model-decisions")
    @Blocking
    public void onDecision(String value) {
        ModelDecision decision;
        try {
            decision = value == null ? null : JSON.readValue(value, ModelDecision.class);
        } catch (JsonProcessingException e) {
            // not the parser's message: it quotes the record's text
            LOG.warnf("unreadable model decision ignored (not JSON at line %s, column %s)",
                    e.getLocation() == null ? "?" : e.getLocation().getLineNr(),
                    e.getLocation() == null ? "?" : e.getLocation().getColumnNr());
            return;
        }
        if (decision == null || !ModelDecision.TYPE.equals(decision.type())) {
            return;
        }
        LOG.infof("monitor decision on %s %s: %s%s, champion %s", decision.model(), decision.version(),
                decision.verdict(), decision.override() ? " (operator override)" : "", decision.champion());
        if (!requireApproval) {
            return;
        }
        gate.decide(decision).ifPresent(envelope -> {
            if (!(envelope.name().equals(registry.name()) && envelope.version().equals(registry.version()))) {
                serve(envelope, "starlight.models (approved)", false);
            }
        });
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
