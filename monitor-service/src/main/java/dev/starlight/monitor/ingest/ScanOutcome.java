package dev.starlight.monitor.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a {@code ScanResult} the monitor uses, read straight from its JSON (payload and evidence are skipped,
 * which keeps decoding cheap).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScanOutcome(String requestId, String source, String format, String verdict, Double stegoProbability,
                          String method, String modelVersion, long latencyMs, Error error, String path) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String code) {
    }

    /** The same outcome, arrived by {@code path} (the result record's {@code starlight-path} header). */
    public ScanOutcome withPath(String p) {
        return new ScanOutcome(requestId, source, format, verdict, stegoProbability, method, modelVersion, latencyMs,
                error, p);
    }

    /** The path the scan request came by; {@code kafka} when the record did not say (older detectors). */
    public String pathOrKafka() {
        return path == null || path.isBlank() ? "kafka" : path;
    }

    public boolean isError() {
        return "error".equals(verdict) || error != null;
    }

    public boolean isStego() {
        return "stego".equals(verdict);
    }

    /** The score, or NaN for errors and results without one. */
    public double score() {
        Double p = stegoProbability;
        return p == null || p.isNaN() || isError() ? Double.NaN : Math.max(0, Math.min(1, p));
    }

    public String errorCode() {
        return error == null || error.code() == null ? "UNKNOWN" : error.code();
    }
}
