package dev.starlight.detector.auth;

/** A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one. */
final class TokenBucket {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token and returns 0, or returns how many nanoseconds until one is there (taking nothing). */
    synchronized long take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }
}
