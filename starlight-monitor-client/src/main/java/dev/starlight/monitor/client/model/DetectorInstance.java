package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A detector instance as its scan-batch events describe it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectorInstance(String service, String modelVersion, long batches, long results, long errors,
                               long lastSeenMs) {
}
