package dev.starlight.trainer.service.kafka;

/** Channel names used in code and in application.properties (topics come from {@code dev.starlight.core.events.Topics}). */
public final class Channels {
    /** {@code ${starlight.topic-prefix}.models}: model envelopes, key = model name. */
    public static final String MODELS = "models";
    /** {@code ${starlight.topic-prefix}.metrics}: evaluation and progress events as JSON, key = model name. */
    public static final String METRICS = "metrics";

    private Channels() {
    }
}
