package dev.starlight.monitor.window;

import dev.starlight.core.events.ScanBatchMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each detector instance says about itself in its {@code scan-batch} events: batches, results, the model it
 * serves and when it last reported. The live aggregates come from the results themselves (which carry scores and
 * request ids), so these counts are a cross-check, not added to them. The newest 64 instances are kept.
 */
@ApplicationScoped
public class DetectorReports {
    private static final int MAX_INSTANCES = 64;

    /**
     * @param service      the detector instance
     * @param modelVersion the model it served in its latest batch
     * @param batches      batches reported
     * @param results      results in them
     * @param errors       error results in them
     * @param lastSeenMs   timestamp of its latest batch
     */
    public record Instance(String service, String modelVersion, long batches, long results, long errors,
                           long lastSeenMs) {
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instance> eldest) {
            return size() > MAX_INSTANCES;
        }
    };

    public synchronized void record(ScanBatchMetrics m, long timestampMs) {
        String service = m.service() == null ? "unknown" : m.service();
        Instance before = instances.get(service);
        int errors = m.verdicts() == null ? 0 : m.verdicts().getOrDefault("error", 0);
        instances.put(service, new Instance(service, m.modelVersion(), (before == null ? 0 : before.batches()) + 1,
                (before == null ? 0 : before.results()) + Math.max(0, m.count()),
                (before == null ? 0 : before.errors()) + Math.max(0, errors),
                Math.max(before == null ? 0 : before.lastSeenMs(), timestampMs)));
    }

    public synchronized List<Instance> all() {
        return new ArrayList<>(instances.values());
    }
}
