package dev.starlight.monitor.window;

import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregates of one window, for all traffic or one model version. Rates are fractions (0..1); latencies are
 * milliseconds and null when the window holds no result.
 *
 * @param window            1m, 15m, 1h or 24h
 * @param model             the model version, or null for all traffic
 * @param count             results in the window (canary results are counted apart)
 * @param throughputPerSecond results per second over the window's span
 * @param errors            error results
 * @param errorRate         errors / count
 * @param latencyP50Ms      median scan latency
 * @param latencyP95Ms      95th percentile
 * @param latencyP99Ms      99th percentile
 * @param latencyMeanMs     mean
 * @param stego             stego verdicts
 * @param stegoRate         stego / count
 * @param stegoRateByMethod stego verdicts naming each method / count
 * @param byFormat          results, stego verdicts and stego rate per format
 * @param errorCodes        errors per code
 * @param byPath            results per path the requests came by ({@code kafka}, {@code http})
 * @param scoreHistogram    stego probabilities of non-error results in 20 equal bins over [0, 1]
 */
public record WindowStats(String window, String model, long count, double throughputPerSecond, long errors,
                          double errorRate, Double latencyP50Ms, Double latencyP95Ms, Double latencyP99Ms,
                          Double latencyMeanMs, long stego, double stegoRate, Map<String, Double> stegoRateByMethod,
                          Map<String, FormatStats> byFormat, Map<String, Long> errorCodes, Map<String, Long> byPath,
                          long[] scoreHistogram) {

    /** Results, stego verdicts and their ratio for one format. */
    public record FormatStats(long count, long stego, double stegoRate) {
    }

    static WindowStats of(Window window, String model, Aggregate a) {
        long n = a.count;
        Map<String, Double> byMethod = new TreeMap<>();
        a.stegoByMethod.forEach((m, c) -> byMethod.put(m, ratio(c, n)));
        Map<String, FormatStats> byFormat = new TreeMap<>();
        a.byFormat.forEach((f, c) -> byFormat.put(f, new FormatStats(c[0], c[1], ratio(c[1], c[0]))));
        return new WindowStats(window.label(), model, n, n / (window.spanMs() / 1000.0), a.errors,
                ratio(a.errors, n), orNull(a.latency.quantile(0.50)), orNull(a.latency.quantile(0.95)),
                orNull(a.latency.quantile(0.99)), n == 0 ? null : (double) a.latencySumMs / n, a.stego,
                ratio(a.stego, n), byMethod, byFormat, new TreeMap<>(a.errorCodes), new TreeMap<>(a.byPath),
                a.scores.clone());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
