package dev.starlight.explain.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the explain service, under {@code starlight.explain}. Defaults are the documented values. */
@ConfigMapping(prefix = "starlight.explain")
public interface ExplainConfig {

    /** Largest image accepted, in bytes (10 MiB, the topic's message limit). */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Largest width × height decoded. */
    @WithDefault("40000000")
    long maxPixels();

    /** Explain with the model that ships in starlight-core from start-up (until one arrives on the topic). */
    @WithDefault("true")
    boolean shippedModel();

    /** Follow {@code starlight.models} and explain with the latest model published there. */
    @WithDefault("true")
    boolean followModels();

    /** Recent explanations kept (with their image bytes) for {@code GET /v1/explain/{id}} and the heatmap. */
    @WithDefault("64")
    int recentEntries();
}
