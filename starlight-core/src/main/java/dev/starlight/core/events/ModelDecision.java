package dev.starlight.core.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The monitor's verdict on one model version, published to {@code <prefix>.models.decisions} (key: model name) and
 * kept (compacted). Written by the monitor's regression gate, obeyed by the detectors and the explainer: they serve
 * {@link #champion}, the version of this name that may serve after this decision. JSON form: {@link ModelDecisionJson}.
 *
 * @param type         always {@value #TYPE}
 * @param model        model name
 * @param version      the judged version
 * @param verdict      APPROVED, REJECTED or INCOMPARABLE (null when the record names a verdict this code does not know)
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
public record ModelDecision(String type, String model, String version, ModelVerdict verdict, String comparedWith,
                            List<String> brokenRules, String reason, boolean override, String champion,
                            long timestamp) {
    public static final String TYPE = "model.decision";

    public ModelDecision {
        brokenRules = brokenRules == null ? List.of() : List.copyOf(brokenRules);
    }

    /** The same decision naming {@code newChampion} as the version that may serve. */
    public ModelDecision withChampion(String newChampion) {
        return new ModelDecision(type, model, version, verdict, comparedWith, brokenRules, reason, override,
                newChampion, timestamp);
    }
}
