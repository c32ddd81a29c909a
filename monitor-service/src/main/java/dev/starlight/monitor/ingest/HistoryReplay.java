package dev.starlight.monitor.ingest;

import dev.starlight.core.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether the monitor has caught up with the history it replays at start-up: the end offsets of
 * {@code starlight.scan.results} and {@code starlight.metrics} are read once at start, and the listeners report every
 * offset they consume. Until each partition that held records at start has been read to its start-up end, the
 * windows describe the past, not now, so alert rules are not evaluated ({@code no-traffic} would fire on every
 * restart while old results are replayed). A topic that does not exist or cannot be read counts as caught up.
 */
@ApplicationScoped
public class HistoryReplay {
    private static final Logger LOG = Logger.getLogger(HistoryReplay.class);

    private final Map<String, Object> kafka;
    private final List<String> topics;
    /** partition → the offset to reach (exclusive); null until read at start-up. */
    private volatile Map<TopicPartition, Long> targets;
    private final Map<TopicPartition, Long> consumed = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    /** {@code kafka}: every {@code kafka.*} setting without its prefix, as the channels get it (SASL, TLS). */
    public HistoryReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                         @ConfigProperty(name = "starlight.topic-prefix") String prefix) {
        this.kafka = Map.copyOf(kafka);
        Topics t = new Topics(prefix);
        this.topics = List.of(t.scanResults(), t.metrics());
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::readTargets, "history-replay");
        t.setDaemon(true);
        t.start();
    }

    /** A listener consumed this record. */
    public void consumed(String topic, int partition, long offset) {
        if (!caughtUp) {
            consumed.merge(new TopicPartition(topic, partition), offset, Math::max);
        }
    }

    /** True once every partition that held records at start-up has been read to its start-up end offset. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<TopicPartition, Long> t = targets;
        if (t == null) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> e : t.entrySet()) {
            if (consumed.getOrDefault(e.getKey(), -1L) + 1 < e.getValue()) {
                return false;
            }
        }
        caughtUp = true;
        consumed.clear();
        LOG.infof("caught up with the history of %s: alert rules are evaluated from now on", topics);
        return true;
    }

    /** Partition → end offset, for the partitions with records at start-up (end offset after the log start). */
    public Map<TopicPartition, Long> targets() {
        Map<TopicPartition, Long> t = targets;
        return t == null ? Map.of() : t;
    }

    private void readTargets() {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "starlight-monitor-offsets-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Map<TopicPartition, Long> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    continue;
                }
                List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                Map<TopicPartition, Long> begin = c.beginningOffsets(parts, Duration.ofSeconds(30));
                Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
                for (TopicPartition tp : parts) {
                    if (end.get(tp) > begin.get(tp)) {
                        out.put(tp, end.get(tp));
                    }
                }
            }
            LOG.infof("replaying history up to %s before evaluating alert rules", out);
        } catch (Exception e) {
            LOG.errorf(e, "could not read the end offsets of %s; alert rules are evaluated at once", topics);
            out.clear();
        }
        targets = Map.copyOf(out);
    }
}
