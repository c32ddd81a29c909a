package dev.starlight.detector.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of the monitor's regression decision ({@code <prefix>.models.decisions}, key = model name; written by
 * monitor-service's {@code Decision}) that a detector acts on.
 *
 * @param type     {@code model.decision}
 * @param model    model name
 * @param version  the judged version
 * @param verdict  APPROVED, REJECTED or INCOMPARABLE
 * @param champion the version of this name that may serve after the decision (null: none)
 * @param override true when an operator decided
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDecision(String type, String model, String version, String verdict, String champion,
                            boolean override) {
    public static final String TYPE = "model.decision";
}
