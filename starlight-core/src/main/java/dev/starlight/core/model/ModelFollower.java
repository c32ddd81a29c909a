package dev.starlight.core.model;

import dev.starlight.codecs.StarlightException;
import dev.starlight.core.events.ModelDecision;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which model a follower of {@code starlight.models} should serve, given the envelopes published there, the
 * publishers it trusts and the monitor's decisions on {@code starlight.models.decisions}. The detector and the
 * explainer both follow the registry through one of these, so they serve the same model.
 *
 * <p>Every envelope must be intact (checksum) and, when trusted keys are given, signed by one of them. Without
 * approval, an accepted envelope serves at once and decisions change nothing. With approval, an envelope waits until
 * a decision names its version champion of its name; a decision that arrives before its envelope waits for it. The
 * last {@value #VERSIONS_PER_NAME} versions of each name are kept, so a decision that hands the name back to an
 * earlier champion (a rejection, an operator override) can be served without the envelope, which the compacted topic
 * no longer holds. Thread-safe; loading the model is the caller's part.
 */
public final class ModelFollower {
    public static final int VERSIONS_PER_NAME = 4;

    /** What the follower should do after one record. */
    public sealed interface Step {
    }

    /** Load this envelope and serve it. */
    public record Serve(ModelEnvelope envelope) implements Step {
    }

    /** Accepted, but it waits for the monitor to name it champion; {@code champion} serves meanwhile (null: none). */
    public record Hold(ModelEnvelope envelope, String champion) implements Step {
    }

    /** Refused: damaged, or not signed by a trusted publisher. {@code reason} is an error code or a trust reason. */
    public record Refuse(String reason, String message) implements Step {
    }

    /** Nothing to do: a tombstone, a decision without approval, or a champion whose envelope is not here yet. */
    public record Ignore() implements Step {
    }

    private final TrustedKeys trusted;
    private final boolean requireApproval;
    private final Map<String, Map<String, ModelEnvelope>> held = new HashMap<>();
    private final Map<String, String> champions = new HashMap<>();

    /**
     * @param trusted         the trusted publishers, or null to accept every intact envelope
     * @param requireApproval serve a version only once the monitor's decision names it champion
     */
    public ModelFollower(TrustedKeys trusted, boolean requireApproval) {
        this.trusted = trusted;
        this.requireApproval = requireApproval;
    }

    public boolean requiresApproval() {
        return requireApproval;
    }

    /** One record value of {@code starlight.models} (null: a tombstone, the model withdrawn; keep serving). */
    public synchronized Step onEnvelope(byte[] value) {
        if (value == null) {
            return new Ignore();
        }
        ModelEnvelope envelope;
        try {
            envelope = ModelEnvelope.fromBytes(value);
            if (trusted != null) {
                trusted.verify(envelope);
            }
        } catch (StarlightException e) {
            return new Refuse(e.code().name(), e.getMessage());
        } catch (UntrustedModelException e) {
            return new Refuse(e.reason().name(), e.getMessage());
        }
        if (!requireApproval) {
            return new Serve(envelope);
        }
        Map<String, ModelEnvelope> versions = held.computeIfAbsent(envelope.name(), n -> new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ModelEnvelope> eldest) {
                return size() > VERSIONS_PER_NAME;
            }
        });
        versions.remove(envelope.version());
        versions.put(envelope.version(), envelope);
        String champion = champions.get(envelope.name());
        return envelope.version().equals(champion) ? new Serve(envelope) : new Hold(envelope, champion);
    }

    /** One decision of the monitor: with approval, the champion it names serves as soon as its envelope is here. */
    public synchronized Step onDecision(ModelDecision decision) {
        if (!requireApproval || decision == null || !ModelDecision.TYPE.equals(decision.type())
                || decision.model() == null || decision.champion() == null) {
            return new Ignore();
        }
        champions.put(decision.model(), decision.champion());
        ModelEnvelope envelope = held.getOrDefault(decision.model(), Map.of()).get(decision.champion());
        return envelope == null ? new Ignore() : new Serve(envelope);
    }

    /** The version of {@code name} the last decision named champion. */
    public synchronized Optional<String> champion(String name) {
        return Optional.ofNullable(champions.get(name));
    }
}
