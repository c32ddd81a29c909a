package dev.starlight.monitor.ingest;

import dev.starlight.monitor.canary.CanaryTally;
import dev.starlight.monitor.drift.DriftMonitor;
import dev.starlight.monitor.window.LiveStats;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The aggregation path of one result record: decode, then canary tally or windows and drift state. The benchmark
 * drives it without Kafka.
 */
@ApplicationScoped
public class ResultIngest {
    private final LiveStats stats;
    private final DriftMonitor drift;
    private final CanaryTally canaries;
    private final IngestCounters counters;

    public ResultIngest(LiveStats stats, DriftMonitor drift, CanaryTally canaries, IngestCounters counters) {
        this.stats = stats;
        this.drift = drift;
        this.canaries = canaries;
        this.counters = counters;
    }

    public void accept(String topic, byte[] value, long timestampMs, long nowMs) {
        accept(topic, value, null, timestampMs, nowMs);
    }

    /** {@code path}: the record's {@code starlight-path} header ({@code kafka}, {@code http}; null: kafka). */
    public void accept(String topic, byte[] value, String path, long timestampMs, long nowMs) {
        var decoded = EventJson.scanOutcome(value);
        if (decoded.isEmpty()) {
            counters.count(topic, "garbage");
            return;
        }
        ScanOutcome o = decoded.get().withPath(path);
        if (canaries.record(o)) {
            counters.count(topic, "canary.result");
            return;
        }
        counters.count(topic, "scan.result");
        stats.record(o, timestampMs, nowMs);
        drift.record(o, timestampMs);
    }
}
