package dev.starlight.monitor.window;

/**
 * One bucket of a window, for charts.
 *
 * @param t            start of the bucket, epoch milliseconds
 * @param count        results in it
 * @param perSecond    results per second
 * @param errors       error results
 * @param stego        stego verdicts
 * @param latencyP95Ms p95 scan latency; NaN (null in JSON) when empty
 */
public record SeriesPoint(long t, long count, double perSecond, long errors, long stego, Double latencyP95Ms) {
    public SeriesPoint {
        latencyP95Ms = latencyP95Ms == null || latencyP95Ms.isNaN() ? null : latencyP95Ms;
    }
}
