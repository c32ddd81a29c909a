package dev.starlight.core.events;

import java.util.Map;

/**
 * One event per detector micro-batch on {@code starlight.metrics} (key {@code detector/<model version>}): what the
 * monitor aggregates into throughput, error rate, latency and stego rate per method and format.
 *
 * @param type          always {@code scan-batch}
 * @param service       the emitting service instance
 * @param modelVersion  the model that served the batch (the last one, if a swap happened inside it)
 * @param timestampMs   when the batch was published
 * @param count         results in the batch
 * @param verdicts      count per verdict (clean, stego, error)
 * @param methods       count per method of stego results
 * @param formats       count per format
 * @param errorCodes    count per error code
 * @param latencyMs     per-result scan latencies, in result order
 */
public record ScanBatchMetrics(String type, String service, String modelVersion, long timestampMs, int count,
                               Map<String, Integer> verdicts, Map<String, Integer> methods,
                               Map<String, Integer> formats, Map<String, Integer> errorCodes, long[] latencyMs) {
    public static final String TYPE = "scan-batch";
}
