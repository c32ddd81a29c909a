package dev.starlight.monitor.alert;

/**
 * One alert. Its id is {@code rule:subject}; it fires when its condition starts to hold and resolves when it stops.
 *
 * @param id             rule:subject
 * @param rule           the rule's name
 * @param subject        what it is about
 * @param severity       INFO, WARNING, CRITICAL
 * @param state          FIRING or RESOLVED
 * @param message        the latest description
 * @param value          the latest measured value
 * @param threshold      the limit
 * @param firedAt        epoch ms when it (last) started firing
 * @param resolvedAt     epoch ms when it resolved; null while firing
 * @param acknowledged   whether an operator acknowledged this firing
 * @param acknowledgedBy who
 * @param acknowledgedAt epoch ms
 * @param note           the operator's note
 */
public record Alert(String id, String rule, String subject, Severity severity, State state, String message,
                    double value, double threshold, long firedAt, Long resolvedAt, boolean acknowledged,
                    String acknowledgedBy, Long acknowledgedAt, String note) {
    public enum State { FIRING, RESOLVED }

    static Alert firing(Condition c, long nowMs) {
        return new Alert(c.id(), c.rule(), c.subject(), c.severity(), State.FIRING, c.message(), c.value(),
                c.threshold(), nowMs, null, false, null, null, null);
    }

    Alert updated(Condition c) {
        return new Alert(id, rule, subject, severity, state, c.message(), c.value(), c.threshold(), firedAt,
                resolvedAt, acknowledged, acknowledgedBy, acknowledgedAt, note);
    }

    Alert resolved(long nowMs) {
        return new Alert(id, rule, subject, severity, State.RESOLVED, message, value, threshold, firedAt, nowMs,
                acknowledged, acknowledgedBy, acknowledgedAt, note);
    }

    Alert acknowledged(String by, String note, long nowMs) {
        return new Alert(id, rule, subject, severity, state, message, value, threshold, firedAt, resolvedAt, true,
                by, nowMs, note);
    }
}
