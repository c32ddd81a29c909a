package dev.starlight.broker;

import java.util.List;
import java.util.Objects;

/**
 * The Starlight topic names (see DESIGN.md, "Topics"): a prefix (default {@value #DEFAULT_PREFIX}) joined with one of
 * the suffixes below by a dot, e.g. {@code starlight.scan.requests}.
 *
 * <p>Interim home: the project keeps topic names in {@code starlight-core} ({@code dev.starlight.core.events});
 * these constants move there once that package lands, and this class then delegates or goes away.
 */
public final class TopicNames {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "starlight";

    /** Key: request id; value: raw image bytes. */
    public static final String SCAN_REQUESTS = "scan.requests";
    /** Key: request id; value: JSON ScanResult. */
    public static final String SCAN_RESULTS = "scan.results";
    /** Key: request id; value: the original bytes, headers say why. */
    public static final String SCAN_DLQ = "scan.dlq";
    /** Key: model name; value: model envelope. Compacted: the model registry. */
    public static final String MODELS = "models";
    /** Key: service/model; value: JSON metric or evaluation events. */
    public static final String METRICS = "metrics";
    /** Key: request id; value: image bytes. */
    public static final String EXPLAIN_REQUESTS = "explain.requests";
    /** Key: request id; value: JSON explanation. */
    public static final String EXPLAIN_RESULTS = "explain.results";

    /** Every suffix, in the order of DESIGN.md's table. */
    public static final List<String> ALL_SUFFIXES = List.of(
            SCAN_REQUESTS, SCAN_RESULTS, SCAN_DLQ, MODELS, METRICS, EXPLAIN_REQUESTS, EXPLAIN_RESULTS);

    private TopicNames() {
    }

    /** {@code prefix + "." + suffix}; a null or blank prefix means {@value #DEFAULT_PREFIX}. */
    public static String name(String prefix, String suffix) {
        Objects.requireNonNull(suffix, "suffix");
        return normalizePrefix(prefix) + "." + suffix;
    }

    /** The name with the default prefix. */
    public static String name(String suffix) {
        return name(DEFAULT_PREFIX, suffix);
    }

    /** The prefix with any trailing dot removed; null or blank gives the default. */
    public static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return DEFAULT_PREFIX;
        }
        String p = prefix.strip();
        while (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return DEFAULT_PREFIX;
        }
        return p;
    }
}
