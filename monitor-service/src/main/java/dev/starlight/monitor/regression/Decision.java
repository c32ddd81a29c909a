package dev.starlight.monitor.regression;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A verdict on one model version, published to {@code <prefix>.models.decisions} (key: model name) and kept.
 * Detectors serve {@link #champion}: the version of this name that may serve after this decision.
 *
 * @param type         always {@value #TYPE}
 * @param model        model name
 * @param version      the judged version
 * @param verdict      APPROVED, REJECTED or INCOMPARABLE
 * @param comparedWith the champion it was compared with; null for the first model of a name
 * @param brokenRules  one line per broken rule, empty when none
 * @param reason       one human-readable line
 * @param override     true when an operator decided, not the rules
 * @param champion     the version that may serve after this decision (null if none)
 * @param timestamp    epoch milliseconds of the decision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "model", "version", "verdict", "comparedWith", "brokenRules", "reason", "override",
        "champion", "timestamp"})
public record Decision(String type, String model, String version, Verdict verdict, String comparedWith,
                       List<String> brokenRules, String reason, boolean override, String champion, long timestamp) {
    public static final String TYPE = "model.decision";

    public Decision {
        brokenRules = brokenRules == null ? List.of() : List.copyOf(brokenRules);
    }
}
