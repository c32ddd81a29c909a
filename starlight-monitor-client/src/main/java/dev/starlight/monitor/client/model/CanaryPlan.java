package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The canary rate in force: a share of the detectors' capacity (configured or measured) within a floor and a ceiling. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryPlan(double share, Double capacityPerSecond, String capacitySource, double perSecond,
                         double minPerMinute, double maxPerSecond) {
}
