package dev.starlight.monitor.ingest;

/** Channel names used in code and in application.properties. */
public final class Channels {
    public static final String RESULTS = "scan-results";
    public static final String METRICS = "metrics";
    public static final String MODELS = "models";
    public static final String DECISIONS = "decisions";
    public static final String CANARY_REQUESTS = "canary-requests";

    /** Suffix of the decisions topic under the platform prefix: {@code starlight.models.decisions}. */
    public static final String DECISIONS_TOPIC_SUFFIX = "models.decisions";

    private Channels() {
    }
}
