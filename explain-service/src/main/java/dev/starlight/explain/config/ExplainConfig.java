package dev.starlight.explain.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * Ed25519 public keys (PEM files) of the trusted model publishers, as the detector's
     * {@code starlight.detector.models.trusted-keys}: when set, only envelopes signed by one of them are followed.
     */
    Optional<List<Path>> trustedKeys();

    /**
     * Explain with a published model only once the monitor's regression decision ({@code starlight.models.decisions})
     * names it champion, as the detector's {@code starlight.detector.require-approval}; set both alike so the
     * explainer explains what the detectors serve.
     */
    @WithDefault("false")
    boolean requireApproval();

    /** Recent explanations kept (with their image bytes) for {@code GET /v1/explain/{id}} and the heatmap. */
    @WithDefault("64")
    int recentEntries();
}
