package dev.starlight.explain.kafka;

/** Channel names used in code and in application.properties (topics come from {@code Topics}). */
public final class Channels {
    public static final String EXPLAIN_REQUESTS = "explain-requests";
    public static final String EXPLAIN_RESULTS = "explain-results";
    public static final String MODELS = "models";
    public static final String MODEL_DECISIONS = "model-decisions";

    private Channels() {
    }
}
