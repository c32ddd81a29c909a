package dev.starlight.detector.kafka;

import dev.starlight.core.events.ScanBatchMetrics;
import dev.starlight.core.scan.ScanResult;
import java.util.Map;
import java.util.TreeMap;

/** Counts a micro-batch's results into one {@link ScanBatchMetrics} event. */
final class BatchSummary {
    private BatchSummary() {
    }

    static ScanBatchMetrics of(String service, ScanResult[] results) {
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> formats = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        long[] latency = new long[results.length];
        String model = null;
        int n = 0;
        for (ScanResult r : results) {
            if (r == null) {
                continue; // this record went to the DLQ
            }
            verdicts.merge(r.verdict().label(), 1, Integer::sum);
            if (r.method() != null) {
                methods.merge(r.method(), 1, Integer::sum);
            }
            formats.merge(r.format() == null ? "unknown" : r.format(), 1, Integer::sum);
            if (r.error() != null) {
                errors.merge(r.error().code(), 1, Integer::sum);
            }
            latency[n++] = r.latencyMs();
            model = r.modelVersion();
        }
        return new ScanBatchMetrics(ScanBatchMetrics.TYPE, service, model, System.currentTimeMillis(), n, verdicts,
                methods, formats, errors, java.util.Arrays.copyOf(latency, n));
    }
}
