package dev.starlight.monitor.ingest;

/** Channel names used in code and in application.properties; topic names come from core's {@code Topics}. */
public final class Channels {
    public static final String RESULTS = "scan-results";
    public static final String METRICS = "metrics";
    public static final String MODELS = "models";
    public static final String DECISIONS = "decisions";
    public static final String CANARY_REQUESTS = "canary-requests";

    private Channels() {
    }
}
