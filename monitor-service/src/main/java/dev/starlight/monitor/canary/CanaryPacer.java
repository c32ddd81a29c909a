package dev.starlight.monitor.canary;

/**
 * Turns a rate into whole images per tick: each tick earns rate × elapsed seconds, whole images are sent and the
 * fraction carries over, so over any run of ticks the images sent stay within one of rate × time, whatever the tick
 * length (a rate of one per minute with 10 s ticks sends one every sixth tick). Not thread-safe: one timer thread.
 */
public final class CanaryPacer {
    /** At most this many seconds of credit: a long pause (a stalled timer) does not become a burst. */
    private static final double MAX_CREDIT_SECONDS = 60;

    private double credit;

    /** Images due for a tick {@code elapsedMs} after the previous one at {@code perSecond}. */
    public int due(double perSecond, long elapsedMs) {
        double seconds = Math.min(Math.max(0, elapsedMs) / 1000.0, MAX_CREDIT_SECONDS);
        credit = Math.min(credit + perSecond * seconds, Math.max(1, perSecond * MAX_CREDIT_SECONDS));
        int n = (int) Math.floor(credit + 1e-9);
        credit -= n;
        return n;
    }
}
