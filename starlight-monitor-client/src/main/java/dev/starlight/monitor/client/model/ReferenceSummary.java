package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A model version's reference distribution for one format, against which drift is measured. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceSummary(int size, boolean complete, double stegoRate, double scoreP10, double scoreP50,
                               double scoreP90, double psiThreshold, double rateThreshold) {
}
