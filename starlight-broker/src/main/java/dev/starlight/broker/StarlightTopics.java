package dev.starlight.broker;

import dev.starlight.core.events.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Starlight topics (DESIGN.md, "Topics") where they are absent. Existing topics are left as they are.
 * Replication follows the cluster's {@code default.replication.factor} (1 on {@link LocalBroker}).
 */
public final class StarlightTopics {

    /** Largest message a topic accepts: 10 MiB of payload plus room for key, headers and batch overhead. */
    public static final int MAX_MESSAGE_BYTES = Topics.MAX_MESSAGE_BYTES;

    /** One topic: suffix, partition count, topic configs. */
    public record Spec(String suffix, int partitions, Map<String, String> configs) {
        public Spec {
            configs = Map.copyOf(configs);
        }

        public String name(String prefix) {
            return new Topics(prefix).name(suffix);
        }
    }

    /** The topics, in DESIGN.md's order. Requests get 4 partitions so that detectors can scan in parallel. */
    public static final List<Spec> SPECS = List.of(
            new Spec(Topics.SCAN_REQUESTS, 4, common()),
            new Spec(Topics.SCAN_RESULTS, 4, common()),
            new Spec(Topics.SCAN_DLQ, 1, common()),
            new Spec(Topics.MODELS, 1, compacted()),
            new Spec(Topics.MODEL_DECISIONS, 1, compacted()),
            new Spec(Topics.METRICS, 1, common()),
            new Spec(Topics.EXPLAIN_REQUESTS, 2, common()),
            new Spec(Topics.EXPLAIN_RESULTS, 2, common()));

    private static final long TIMEOUT_S = 30;

    private StarlightTopics() {
    }

    private static Map<String, String> common() {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
    }

    private static Map<String, String> compacted() {
        Map<String, String> m = new LinkedHashMap<>(common());
        m.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        // let a superseded model become cleanable soon; roll segments hourly so the cleaner sees them
        m.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000");
        m.put(TopicConfig.SEGMENT_MS_CONFIG, "3600000");
        return m;
    }

    /** All topic names for a prefix, in DESIGN.md's order. */
    public static List<String> names(String prefix) {
        List<String> names = new ArrayList<>();
        for (Spec s : SPECS) {
            names.add(s.name(prefix));
        }
        return names;
    }

    /**
     * Creates every Starlight topic that does not exist yet.
     *
     * @return all the topic names (created now or before), in DESIGN.md's order
     */
    public static List<String> createAll(Admin admin, String prefix) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Spec s : SPECS) {
                String name = s.name(prefix);
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.of(s.partitions()), Optional.empty()).configs(s.configs()));
                }
            }
            if (!missing.isEmpty()) {
                CreateTopicsResult result = admin.createTopics(missing);
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : result.values().entrySet()) {
                    try {
                        e.getValue().get(TIMEOUT_S, TimeUnit.SECONDS);
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) { // someone else created it meanwhile
                            throw new IllegalStateException("cannot create topic " + e.getKey() + ": " + ex.getCause(), ex.getCause());
                        }
                    }
                }
            }
            return names(prefix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list or create topics: " + e, e);
        }
    }
}
