package dev.starlight.monitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records read per topic and kind ({@code scan.result}, {@code canary.result}, {@code scan-batch},
 * {@code model.evaluation}, {@code training.progress}, {@code envelope}, {@code tombstone}, {@code unknown},
 * {@code garbage}), as {@code starlight_monitor_events_total{topic,kind}}. Garbage and unknown types are counted
 * here and otherwise ignored. Kinds are the fixed names above, never text from a record.
 */
@ApplicationScoped
public class IngestCounters {
    private final MeterRegistry registry;
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

    public IngestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String topic, String kind) {
        counters.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> Counter.builder("starlight.monitor.events")
                        .description("records read by the monitor, by topic and kind")
                        .tag("topic", topic).tag("kind", kind).register(registry))
                .increment();
    }

    /** topic → kind → records. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counters.forEach((topic, kinds) -> kinds.forEach((kind, c) ->
                out.computeIfAbsent(topic, t -> new TreeMap<>()).put(kind, (long) c.count())));
        return out;
    }
}
