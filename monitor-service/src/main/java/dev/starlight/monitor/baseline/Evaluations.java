package dev.starlight.monitor.baseline;

import dev.starlight.core.events.ModelEvaluationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Each model version's evaluation event from the trainer: its baseline metrics. The latest event for a version wins. */
@ApplicationScoped
public class Evaluations {
    private final Map<String, Map<String, ModelEvaluationEvent>> byName = new TreeMap<>();

    public synchronized void put(ModelEvaluationEvent e) {
        byName.computeIfAbsent(e.model(), n -> new TreeMap<>()).put(e.version(), e);
    }

    public synchronized Optional<ModelEvaluationEvent> get(String name, String version) {
        return Optional.ofNullable(byName.getOrDefault(name, Map.of()).get(version));
    }

    public synchronized List<ModelEvaluationEvent> all() {
        List<ModelEvaluationEvent> out = new ArrayList<>();
        byName.values().forEach(v -> out.addAll(v.values()));
        return out;
    }
}
