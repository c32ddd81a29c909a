package dev.starlight.monitor.regression;

import dev.starlight.core.events.ModelDecisionJson;
import dev.starlight.core.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the decisions topic from the beginning to its end at start-up and restores every decision (operator
 * overrides included) before any evaluation is judged: evaluations replayed from {@code starlight.metrics} then find
 * their decision and are not judged or published again.
 */
@ApplicationScoped
public class DecisionLog {
    private static final Logger LOG = Logger.getLogger(DecisionLog.class);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final ModelDecisions decisions;
    private final Map<String, Object> kafka;
    private final String topic;
    private final CountDownLatch ready = new CountDownLatch(1);

    /**
     * {@code kafka} is every {@code kafka.*} setting without its prefix (bootstrap servers, security protocol, SASL,
     * TLS stores), as Quarkus hands it to the messaging channels, so this consumer connects the way they do.
     */
    public DecisionLog(ModelDecisions decisions, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                       @ConfigProperty(name = "starlight.topic-prefix") String prefix) {
        this.decisions = decisions;
        this.kafka = Map.copyOf(kafka);
        this.topic = new Topics(prefix).modelDecisions();
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::load, "decision-log");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until the decisions are restored (or loading gave up); true when restored. */
    public boolean awaitReady() {
        try {
            return ready.await(GIVE_UP.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void load() {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "starlight-monitor-decisions-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        int restored = 0;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                LOG.infof("no decisions topic %s yet: nothing to restore", topic);
                return;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    try {
                        decisions.restore(ModelDecisionJson.read(r.value()));
                        restored++;
                    } catch (Exception e) {
                        LOG.warnf("unreadable decision at %s-%d@%d skipped", r.topic(), r.partition(), r.offset());
                    }
                }
            }
            LOG.infof("restored %d decisions from %s", restored, topic);
        } catch (Exception e) {
            LOG.errorf(e, "could not read %s; decisions start empty", topic);
        } finally {
            ready.countDown();
        }
    }
}
