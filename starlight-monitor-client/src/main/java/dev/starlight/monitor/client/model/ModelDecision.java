package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The regression gate's decision on a model version (or an operator's override of it). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDecision(String type, String model, String version, Verdict verdict, String comparedWith,
                            List<String> brokenRules, String reason, boolean override, String champion, long timestamp) {

    public enum Verdict { APPROVED, REJECTED, INCOMPARABLE }
}
