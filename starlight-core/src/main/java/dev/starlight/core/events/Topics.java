package dev.starlight.core.events;

import java.util.List;

/**
 * The Kafka topic names of DESIGN.md, in one place. Every service and the CLI build names through this class so
 * that a configurable prefix (default {@code starlight}) applies everywhere.
 */
public record Topics(String prefix) {
    public static final String DEFAULT_PREFIX = "starlight";
    public static final Topics DEFAULT = new Topics(DEFAULT_PREFIX);

    /** Largest record value: 10 MiB of image plus headroom for headers and batch framing. */
    public static final int MAX_MESSAGE_BYTES = 11_534_336;

    public static final String SCAN_REQUESTS = "scan.requests";
    public static final String SCAN_RESULTS = "scan.results";
    public static final String SCAN_DLQ = "scan.dlq";
    public static final String MODELS = "models";
    /** The monitor's regression decisions (compacted, key = model name): which version of a name may serve. */
    public static final String MODEL_DECISIONS = "models.decisions";
    public static final String METRICS = "metrics";
    public static final String EXPLAIN_REQUESTS = "explain.requests";
    public static final String EXPLAIN_RESULTS = "explain.results";

    /** Record headers on scan requests. */
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String HEADER_SOURCE = "source";
    public static final String HEADER_TRACEPARENT = "traceparent";
    /**
     * On {@code scan.results}: the path the request came by, {@value #PATH_KAFKA} or {@value #PATH_HTTP} (HTTP scans
     * are published there too, so every scan reaches the monitor); absent on results of older detectors (Kafka).
     */
    public static final String HEADER_PATH = "starlight-path";
    public static final String PATH_KAFKA = "kafka";
    public static final String PATH_HTTP = "http";

    public Topics {
        if (prefix == null || prefix.isBlank() || !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("topic prefix must be letters, digits, '.', '_' or '-': " + prefix);
        }
    }

    public String name(String suffix) {
        return prefix + "." + suffix;
    }

    public String scanRequests() {
        return name(SCAN_REQUESTS);
    }

    public String scanResults() {
        return name(SCAN_RESULTS);
    }

    public String scanDlq() {
        return name(SCAN_DLQ);
    }

    public String models() {
        return name(MODELS);
    }

    public String modelDecisions() {
        return name(MODEL_DECISIONS);
    }

    public String metrics() {
        return name(METRICS);
    }

    public String explainRequests() {
        return name(EXPLAIN_REQUESTS);
    }

    public String explainResults() {
        return name(EXPLAIN_RESULTS);
    }

    /** All topic names, in {@link TopicSpec#ALL}'s order. */
    public List<String> all() {
        return TopicSpec.ALL.stream().map(s -> s.name(this)).toList();
    }
}
