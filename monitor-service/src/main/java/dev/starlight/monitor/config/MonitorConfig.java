package dev.starlight.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the monitor service, under {@code starlight.monitor}. Defaults are the documented values. */
@ConfigMapping(prefix = "starlight.monitor")
public interface MonitorConfig {

    /** How often alert rules, drift checks and the Prometheus gauges are re-evaluated. */
    @WithDefault("2s")
    Duration evaluateEvery();

    /** Model versions with their own windows and drift state; the least recently seen beyond this are dropped. */
    @WithDefault("32")
    int maxModels();

    Drift drift();

    Regression regression();

    Alerts alerts();

    Webhook webhook();

    Canary canary();

    interface Drift {
        /** Live scores per format that make a model version's reference distribution (the first ones it served). */
        @WithDefault("1000")
        int referenceSize();

        /**
         * The reference is cut into this many chunks; each chunk is compared with the rest to learn how far a
         * sample of chunk size moves by chance. Live samples are one chunk in size.
         */
        @WithDefault("5")
        int chunks();

        /** Alarm threshold = the largest chunk-vs-rest statistic × this factor. */
        @WithDefault("1.5")
        double safetyFactor();

        /** PSI bins, cut at the reference's quantiles. */
        @WithDefault("10")
        int bins();

        /** Only live scores younger than this count; older ones say nothing about now. */
        @WithDefault("15m")
        Duration window();
    }

    interface Regression {
        /** Largest allowed rise of any format's false-positive rate (0.001 = 0.1 point). */
        @WithDefault("0.001")
        double maxFprRise();

        /** Largest allowed fall of any group's detection rate (0.01 = 1 point). */
        @WithDefault("0.01")
        double maxTprDrop();

        /** Largest allowed fall of the AUC. */
        @WithDefault("0.005")
        double maxAucDrop();

        /** Largest allowed relative growth of the p95 scan latency (0.2 = 20%). */
        @WithDefault("0.2")
        double maxP95LatencyGrowth();
    }

    interface Alerts {
        /** error-rate fires when the 1 m error rate exceeds this ... */
        @WithDefault("0.05")
        double errorRate();

        /** ... over at least this many results. */
        @WithDefault("20")
        int errorRateMinResults();

        /** latency-p95 fires when the 1 m p95 scan latency exceeds this. */
        @WithDefault("2000")
        double p95LatencyMs();

        /** no-traffic fires when results stopped for this long after some had arrived. */
        @WithDefault("5m")
        Duration noTrafficAfter();
    }

    interface Webhook {
        /** Where alert changes are POSTed; none = no webhook. */
        Optional<String> url();

        /** HMAC-SHA256 key; the signature goes in {@code X-Starlight-Signature: sha256=<hex>}. */
        Optional<String> secret();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Canary {
        /** Produce labelled canary images to the scan request topic. */
        @WithDefault("false")
        boolean enabled();

        /** How often the job wakes to send the canaries due ({@link dev.starlight.monitor.canary.CanaryPacer}). */
        @WithDefault("10s")
        Duration every();

        /** Canary images per second as a share of the detectors' capacity (see {@code CanaryRate}). */
        @WithDefault("0.02")
        double share();

        /** The detectors' capacity, images/s; absent: measured (peak 10 s results rate of the last 15 min). */
        Optional<Double> capacity();

        /** Floor: canary images per minute however small the capacity, so FPR/TPR keep getting samples. */
        @WithDefault("1")
        double minPerMinute();

        /** Ceiling: canary images per second however large the capacity. */
        @WithDefault("5")
        double maxPerSecond();

        /** Side of the square canary images, pixels. */
        @WithDefault("64")
        int size();

        /** Live FPR and TPR are measured over the latest this many canary results of each label. */
        @WithDefault("500")
        int windowResults();
    }
}
