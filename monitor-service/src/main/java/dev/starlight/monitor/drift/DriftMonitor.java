package dev.starlight.monitor.drift;

import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.ScanOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Score-distribution and stego-rate drift per model version and format, against the reference each version built
 * from its own first results. Keeps the most recently seen {@code max-models} versions and 16 formats per version.
 */
@ApplicationScoped
public class DriftMonitor {
    private static final int MAX_FORMATS = 16;

    private final MonitorConfig.Drift config;
    private final Map<String, Map<String, FormatDrift>> byModel;

    public DriftMonitor(MonitorConfig config) {
        this.config = config.drift();
        int maxModels = config.maxModels();
        this.byModel = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, FormatDrift>> eldest) {
                return size() > maxModels;
            }
        };
    }

    /** Errors and results without a score carry no distribution and are skipped. */
    public synchronized void record(ScanOutcome o, long timestampMs) {
        double score = o.score();
        if (Double.isNaN(score)) {
            return;
        }
        String model = o.modelVersion() == null ? "unknown" : o.modelVersion();
        String format = o.format() == null ? "unknown" : o.format();
        Map<String, FormatDrift> formats = byModel.computeIfAbsent(model, m -> new TreeMap<>());
        if (!formats.containsKey(format) && formats.size() >= MAX_FORMATS) {
            return;
        }
        formats.computeIfAbsent(format, f -> new FormatDrift(model, f, config.referenceSize(), config.chunks(),
                config.bins(), config.safetyFactor())).add(score, o.isStego(), timestampMs);
    }

    public synchronized List<DriftCheck> checkAll(long nowMs) {
        List<DriftCheck> out = new ArrayList<>();
        long windowMs = config.window().toMillis();
        byModel.values().forEach(formats -> formats.values().forEach(f -> out.add(f.check(nowMs, windowMs))));
        return out;
    }

    /** The reference of one version per format (null where still learning), for the baselines view. */
    public synchronized Map<String, ReferenceSummary> references(String model) {
        Map<String, ReferenceSummary> out = new TreeMap<>();
        Map<String, FormatDrift> formats = byModel.get(model);
        if (formats != null) {
            formats.forEach((format, f) -> out.put(format, ReferenceSummary.of(f.referenceCount(), f.reference())));
        }
        return out;
    }
}
