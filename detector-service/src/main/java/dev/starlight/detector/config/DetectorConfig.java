package dev.starlight.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the detector service, under {@code starlight.detector}. Defaults are the documented values. */
@ConfigMapping(prefix = "starlight.detector")
public interface DetectorConfig {

    /** Largest image accepted, in bytes (10 MiB, the topic's message limit). */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Largest width × height decoded. */
    @WithDefault("40000000")
    long maxPixels();

    /**
     * Longest one image may take once a worker has started on it; past it the request is answered with an error
     * result of code TIMEOUT (HTTP 503) and the late result is dropped. The worker thread itself cannot be stopped
     * and finishes the scan in the background.
     */
    @WithDefault("30s")
    Duration scanTimeout();

    /** Scan threads shared by the Kafka and HTTP paths; 0 = one per core. */
    @WithDefault("0")
    int workers();

    /** HTTP scans waiting for a worker beyond this many are refused with 429. */
    @WithDefault("64")
    int httpQueue();

    /**
     * Scans of drawn images run before the service reports ready, so the JIT has compiled the scan path before the
     * first real request (a cold detector runs at about three quarters of its warm throughput); 0 = none.
     */
    @WithDefault("300")
    int warmUpScans();

    /** Results remembered by content (SHA-256) so the same bytes get the same answer without a rescan. */
    @WithDefault("10000")
    int cacheEntries();

    Api api();

    Deep deep();

    /** The opt-in steghide deep check ({@code POST /v1/scan?deep=true}). */
    interface Deep {
        /** Threads one deep check's seed search uses; 0 = half the cores, at least one (the rest keep scanning). */
        @WithDefault("0")
        int threads();

        /** Longest one search may run; a search stopped by it says in its evidence how far it got. */
        @WithDefault("300s")
        Duration maxTime();

        /** Deep checks at once; a request beyond them is refused with 429 DEEP_BUSY. */
        @WithDefault("1")
        int concurrent();
    }

    interface Api {
        /** Require an API key on /v1 endpoints (on by default in the prod profile). */
        @WithDefault("false")
        boolean authEnabled();

        /** SHA-256 hex digests of the accepted keys (never the keys themselves); these keys are named "config-N". */
        Optional<List<String>> keySha256();

        /**
         * A file of named keys, one {@code name:sha256hex} per line ({@code #} starts a comment), read again when it
         * changes, so keys rotate without a restart. Used together with {@code key-sha256}.
         */
        Optional<Path> keysFile();

        /** How often the keys file's modification time is checked. */
        @WithDefault("2s")
        Duration keysFileCheck();

        RateLimit rateLimit();
    }

    /** A token bucket per API key name (per client address when auth is off). */
    interface RateLimit {
        /** Off: no request is refused for its rate. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second for one key. */
        @WithDefault("50")
        double perSecond();

        /** Requests one key may send at once after a quiet spell. */
        @WithDefault("100")
        int burst();

        /** Per-key overrides of {@code per-second}, by key name. */
        Map<String, Double> perSecondByKey();

        /** Per-key overrides of {@code burst}, by key name. */
        Map<String, Integer> burstByKey();
    }

    Models models();

    /** Which published models may serve. */
    interface Models {
        /**
         * Ed25519 public keys (X.509 PEM files) of the trusted model publishers. When set, only envelopes signed by
         * one of them are loaded from {@code starlight.models}; unsigned ones and other signers are refused.
         */
        Optional<List<Path>> trustedKeys();
    }

    /**
     * Serve the model that ships in starlight-core from start-up until one is published on the registry topic
     * (false: the statistics decide until then).
     */
    @WithDefault("true")
    boolean shippedModel();

    /**
     * Serve a model published on the registry topic only once the monitor's regression decision names it champion
     * (champion/challenger); false: serve every model that loads, as soon as it arrives.
     */
    @WithDefault("false")
    boolean requireApproval();
}
