package dev.starlight.core.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one Starlight topic is made: partitions, compaction, retention and message size. {@link #ALL} is the one list
 * the local broker, the test brokers, {@code deploy/kafka/create-topics.sh} and the Helm chart's {@code KafkaTopic}s
 * follow (deploy-checks compares the last two against it).
 *
 * @param suffix          the name after the prefix, e.g. {@link Topics#SCAN_REQUESTS}
 * @param partitions      partition count: the most consumers of one group that get work
 * @param compacted       {@code cleanup.policy=compact} (the latest record per key is what readers need)
 * @param retentionMs     {@code retention.ms}; -1 keeps records for ever (compacted topics)
 * @param maxMessageBytes {@code max.message.bytes}
 */
public record TopicSpec(String suffix, int partitions, boolean compacted, long retentionMs, int maxMessageBytes) {
    public static final long WEEK_MS = 7L * 24 * 60 * 60 * 1000;
    /** Compacted topics: let a superseded record become cleanable after a minute. */
    public static final long MIN_COMPACTION_LAG_MS = 60_000;
    /** Compacted topics: roll segments hourly so that the cleaner sees them. */
    public static final long SEGMENT_MS = 3_600_000;

    /**
     * The topics, in DESIGN.md's order. Scan requests and results get 4 partitions so that up to 4 detectors scan in
     * parallel, explanations 2; the rest are low-volume and keep one partition (one order for the readers).
     */
    public static final List<TopicSpec> ALL = List.of(
            plain(Topics.SCAN_REQUESTS, 4, WEEK_MS),
            plain(Topics.SCAN_RESULTS, 4, WEEK_MS),
            plain(Topics.SCAN_DLQ, 1, 2 * WEEK_MS),
            compacted(Topics.MODELS),
            compacted(Topics.MODEL_DECISIONS),
            plain(Topics.METRICS, 1, WEEK_MS),
            plain(Topics.EXPLAIN_REQUESTS, 2, WEEK_MS),
            plain(Topics.EXPLAIN_RESULTS, 2, WEEK_MS));

    public TopicSpec {
        if (suffix == null || suffix.isBlank() || partitions < 1 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("bad topic spec: " + suffix + " " + partitions + " " + maxMessageBytes);
        }
    }

    private static TopicSpec plain(String suffix, int partitions, long retentionMs) {
        return new TopicSpec(suffix, partitions, false, retentionMs, Topics.MAX_MESSAGE_BYTES);
    }

    private static TopicSpec compacted(String suffix) {
        return new TopicSpec(suffix, 1, true, -1, Topics.MAX_MESSAGE_BYTES);
    }

    /** The full topic name under the given topics' prefix. */
    public String name(Topics topics) {
        return topics.name(suffix);
    }

    /** The Kafka topic configs ({@code max.message.bytes}, {@code retention.ms}, compaction settings). */
    public Map<String, String> configs() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("max.message.bytes", Integer.toString(maxMessageBytes));
        c.put("retention.ms", Long.toString(retentionMs));
        if (compacted) {
            c.put("cleanup.policy", "compact");
            c.put("min.compaction.lag.ms", Long.toString(MIN_COMPACTION_LAG_MS));
            c.put("segment.ms", Long.toString(SEGMENT_MS));
        }
        return c;
    }
}
