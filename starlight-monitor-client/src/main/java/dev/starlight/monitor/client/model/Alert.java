package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An alert; its id is {@code rule:subject}. Times are epoch milliseconds, null when not yet. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String id, String rule, String subject, Severity severity, State state, String message,
                    Double value, Double threshold, Long firedAt, Long resolvedAt, boolean acknowledged,
                    String acknowledgedBy, Long acknowledgedAt, String note) {

    public enum Severity { INFO, WARNING, CRITICAL }

    public enum State { FIRING, RESOLVED }
}
