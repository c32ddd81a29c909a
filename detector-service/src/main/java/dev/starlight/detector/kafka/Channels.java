package dev.starlight.detector.kafka;

/** Channel names used in code and in application.properties (topics come from {@code dev.starlight.core.events.Topics}). */
public final class Channels {
    public static final String SCAN_REQUESTS = "scan-requests";
    public static final String SCAN_RESULTS = "scan-results";
    public static final String SCAN_DLQ = "scan-dlq";
    public static final String METRICS = "metrics";
    public static final String MODELS = "models";
    public static final String MODEL_DECISIONS = "model-decisions";

    private Channels() {
    }
}
