package dev.starlight.monitor.canary;

/**
 * How many canary images per second: {@code share} × capacity, never below {@code minPerMinute} (so live FPR/TPR
 * still get samples on an idle platform) nor above {@code maxPerSecond} (a hard cap whatever the capacity says).
 * The capacity is the configured figure when there is one, else the measured one: the highest 10-second results
 * rate of live traffic in the last 15 minutes, a lower bound of what the detectors can do (canary results are not
 * in it), so the canary never takes more than {@code share} of what the detectors have shown they handle.
 *
 * @param share              fraction of capacity, in (0, 1]
 * @param configuredCapacity images/s the detectors handle, or null to measure
 * @param minPerMinute       floor, images per minute
 * @param maxPerSecond       ceiling, images per second
 */
public record CanaryRate(double share, Double configuredCapacity, double minPerMinute, double maxPerSecond) {

    public CanaryRate {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("canary.share must be within (0, 1]: " + share);
        }
        if (configuredCapacity != null && !(configuredCapacity >= 0)) {
            throw new IllegalArgumentException("canary.capacity must be >= 0: " + configuredCapacity);
        }
        if (!(minPerMinute >= 0) || !(maxPerSecond > 0) || minPerMinute / 60 > maxPerSecond) {
            throw new IllegalArgumentException("canary.min-per-minute must be >= 0 and not above max-per-second");
        }
    }

    /**
     * The plan for now.
     *
     * @param capacityPerSecond the capacity used
     * @param capacitySource    {@code configured} or {@code measured}
     * @param perSecond         canary images per second
     */
    public record Plan(double share, double capacityPerSecond, String capacitySource, double perSecond,
                       double minPerMinute, double maxPerSecond) {
    }

    /** {@code measuredCapacity}: the measured figure, images/s (used only without a configured one). */
    public Plan plan(double measuredCapacity) {
        boolean configured = configuredCapacity != null;
        double capacity = configured ? configuredCapacity : Math.max(0, measuredCapacity);
        double perSecond = Math.min(maxPerSecond, Math.max(minPerMinute / 60, share * capacity));
        return new Plan(share, capacity, configured ? "configured" : "measured", perSecond, minPerMinute,
                maxPerSecond);
    }
}
