package dev.starlight.monitor.window;

import dev.starlight.monitor.ingest.ScanOutcome;
import java.util.HashMap;
import java.util.Map;

/** Counts of one time bucket, or of a whole window once buckets are merged. Not thread-safe. */
final class Aggregate {
    /** Distinct methods, formats or error codes kept per bucket; more fold into {@code other}. */
    static final int MAX_LABELS = 32;

    long count;
    long errors;
    long stego;
    long latencySumMs;
    final LatencyHistogram latency = new LatencyHistogram();
    final long[] scores = new long[ScoreHistogram.BINS];
    final Map<String, Long> stegoByMethod = new HashMap<>();
    final Map<String, long[]> byFormat = new HashMap<>(); // {results, stego}
    final Map<String, Long> errorCodes = new HashMap<>();
    final Map<String, Long> byPath = new HashMap<>();

    void add(ScanOutcome o) {
        count++;
        latencySumMs += Math.max(0, o.latencyMs());
        latency.add(o.latencyMs());
        byPath.merge(label(byPath, o.pathOrKafka()), 1L, Long::sum);
        long[] f = byFormat.computeIfAbsent(label(byFormat, o.format() == null ? "unknown" : o.format()),
                k -> new long[2]);
        f[0]++;
        if (o.isError()) {
            errors++;
            errorCodes.merge(label(errorCodes, o.errorCode()), 1L, Long::sum);
            return;
        }
        double s = o.score();
        if (!Double.isNaN(s)) {
            scores[ScoreHistogram.bin(s)]++;
        }
        if (o.isStego()) {
            stego++;
            f[1]++;
            stegoByMethod.merge(label(stegoByMethod, o.method() == null ? "unknown" : o.method()), 1L, Long::sum);
        }
    }

    void merge(Aggregate other) {
        count += other.count;
        errors += other.errors;
        stego += other.stego;
        latencySumMs += other.latencySumMs;
        latency.merge(other.latency);
        for (int i = 0; i < scores.length; i++) {
            scores[i] += other.scores[i];
        }
        other.stegoByMethod.forEach((k, v) -> stegoByMethod.merge(k, v, Long::sum));
        other.errorCodes.forEach((k, v) -> errorCodes.merge(k, v, Long::sum));
        other.byPath.forEach((k, v) -> byPath.merge(k, v, Long::sum));
        other.byFormat.forEach((k, v) -> {
            long[] f = byFormat.computeIfAbsent(k, x -> new long[2]);
            f[0] += v[0];
            f[1] += v[1];
        });
    }

    void clear() {
        count = 0;
        errors = 0;
        stego = 0;
        latencySumMs = 0;
        latency.clear();
        java.util.Arrays.fill(scores, 0);
        stegoByMethod.clear();
        byFormat.clear();
        errorCodes.clear();
        byPath.clear();
    }

    private static String label(Map<String, ?> map, String label) {
        return map.size() < MAX_LABELS || map.containsKey(label) ? label : "other";
    }
}
