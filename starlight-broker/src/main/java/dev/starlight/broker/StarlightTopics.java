package dev.starlight.broker;

import dev.starlight.core.events.TopicSpec;
import dev.starlight.core.events.Topics;

import java.util.ArrayList;
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
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Starlight topics as {@link TopicSpec#ALL} describes them where they are absent. Existing topics are
 * left as they are.
 * Replication follows the cluster's {@code default.replication.factor} (1 on {@link LocalBroker}).
 */
public final class StarlightTopics {

    private static final long TIMEOUT_S = 30;

    private StarlightTopics() {
    }

    /** All topic names for a prefix, in DESIGN.md's order. */
    public static List<String> names(String prefix) {
        return new Topics(prefix).all();
    }

    /**
     * Creates every Starlight topic that does not exist yet.
     *
     * @return all the topic names (created now or before), in DESIGN.md's order
     */
    public static List<String> createAll(Admin admin, String prefix) {
        try {
            Topics topics = new Topics(prefix);
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec s : TopicSpec.ALL) {
                String name = s.name(topics);
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
