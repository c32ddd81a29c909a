package dev.starlight.monitor.alert;

/**
 * A rule that holds right now for one subject; an alert fires while its condition holds and resolves after.
 *
 * @param rule      error-rate, latency-p95, drift, regression-rejected, regression-incomparable, no-traffic
 * @param subject   what it is about (a window, model/format, model/version), part of the alert's id
 * @param severity  how urgent
 * @param message   one human-readable line
 * @param value     the measured value
 * @param threshold the limit it crossed
 */
public record Condition(String rule, String subject, Severity severity, String message, double value,
                        double threshold) {
    public String id() {
        return rule + ":" + subject;
    }
}
