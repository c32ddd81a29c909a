package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** Aggregates of one window (1m, 15m, 1h, 24h) of all traffic, or of one model version when {@code model} is set. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowStats(String window, String model, long count, double throughputPerSecond, long errors,
                          double errorRate, double latencyP50Ms, double latencyP95Ms, double latencyP99Ms,
                          double latencyMeanMs, long stego, double stegoRate, Map<String, Double> stegoRateByMethod,
                          Map<String, FormatStats> byFormat, Map<String, Long> errorCodes, Map<String, Long> byPath,
                          List<Long> scoreHistogram) {
}
