package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One bucket of a window's series ({@code t}: the bucket's start, epoch milliseconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesPoint(long t, long count, double perSecond, long errors, long stego, double latencyP95Ms) {
}
