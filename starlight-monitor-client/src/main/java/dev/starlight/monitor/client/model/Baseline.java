package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** An evaluated model version: its evaluation, the gate's decision and the references per format. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Baseline(String model, String version, boolean champion, ModelEvaluation evaluation,
                       ModelDecision decision, Map<String, ReferenceSummary> reference) {
}
