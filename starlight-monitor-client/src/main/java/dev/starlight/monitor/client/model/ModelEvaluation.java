package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** The trainer's evaluation of a model version, as published on the metrics topic. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelEvaluation(String type, String model, String version, long timestamp, String dataSha256, int images,
                              Map<String, Double> fprByFormat, Map<String, Double> tprByGroup,
                              Map<String, Double> aucByGroup, double auc, double p95LatencyMs) {
}
