package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Canary traffic: images sent, results matched, and the live false- and true-positive rates (null until judged). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryStats(long sent, long matched, long pending, long cleanResults, long stegoResults,
                          long cleanErrors, long stegoErrors, int cleanJudged, int stegoJudged, Double fpr, Double tpr) {
}
