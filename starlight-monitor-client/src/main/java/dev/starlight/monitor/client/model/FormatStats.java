package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Results of one image format in a window. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormatStats(long count, long stego, double stegoRate) {
}
