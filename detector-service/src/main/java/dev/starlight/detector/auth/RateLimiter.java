package dev.starlight.detector.auth;

import dev.starlight.detector.config.DetectorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TokenBucket} per caller: the API key's name, or the client address when auth is off. Refusals are
 * counted in {@code starlight_http_rate_limited_total} by key name ({@code anonymous} for addresses, so the metric
 * does not grow a series per client).
 */
@ApplicationScoped
public class RateLimiter {
    /** The metric tag used for callers without a key. */
    public static final String ANONYMOUS = "anonymous";

    private final DetectorConfig.RateLimit config;
    private final MeterRegistry metrics;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(DetectorConfig config, MeterRegistry metrics) {
        this.config = config.api().rateLimit();
        this.metrics = metrics;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one request from {@code caller}'s bucket; returns 0 when allowed, else whole seconds to wait (at least 1).
     *
     * @param caller   the bucket: a key name, or {@code addr:<ip>} for a caller without a key
     * @param keyName  the key name for metrics and per-key settings, or {@link #ANONYMOUS}
     */
    public long take(String caller, String keyName) {
        TokenBucket bucket = buckets.computeIfAbsent(caller, c -> new TokenBucket(
                config.perSecondByKey().getOrDefault(keyName, config.perSecond()),
                config.burstByKey().getOrDefault(keyName, config.burst()), System.nanoTime()));
        long waitNanos = bucket.take(System.nanoTime());
        if (waitNanos == 0) {
            return 0;
        }
        metrics.counter("starlight_http_rate_limited", "key", keyName).increment();
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
