package dev.starlight.detector.model;

import dev.starlight.core.model.ModelEnvelope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Champion/challenger bookkeeping for {@code starlight.detector.require-approval}: envelopes that arrived on the
 * registry topic wait here until the monitor's decision names their version champion of their name; a decision that
 * arrives before its envelope waits for it. Keeps the last {@value #VERSIONS_PER_NAME} versions of each name, so a
 * decision that hands the name back to an earlier champion (a rejection, an operator override) can be served
 * without the envelope, which the compacted topic no longer holds.
 */
final class ApprovalGate {
    static final int VERSIONS_PER_NAME = 4;

    private final Map<String, Map<String, ModelEnvelope>> held = new HashMap<>();
    private final Map<String, String> champions = new HashMap<>();

    /** Keeps an envelope; returns it when its version is already its name's champion. */
    synchronized Optional<ModelEnvelope> offer(ModelEnvelope envelope) {
        Map<String, ModelEnvelope> versions = held.computeIfAbsent(envelope.name(), n -> new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ModelEnvelope> eldest) {
                return size() > VERSIONS_PER_NAME;
            }
        });
        versions.remove(envelope.version());
        versions.put(envelope.version(), envelope);
        return envelope.version().equals(champions.get(envelope.name())) ? Optional.of(envelope) : Optional.empty();
    }

    /** Records a decision; returns the champion's envelope when it is here to serve. */
    synchronized Optional<ModelEnvelope> decide(ModelDecision decision) {
        if (decision.model() == null || decision.champion() == null) {
            return Optional.empty();
        }
        champions.put(decision.model(), decision.champion());
        return Optional.ofNullable(held.getOrDefault(decision.model(), Map.of()).get(decision.champion()));
    }

    synchronized Optional<String> champion(String name) {
        return Optional.ofNullable(champions.get(name));
    }
}
