package dev.starlight.broker;

import dev.starlight.core.events.TopicSpec;
import dev.starlight.core.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One real broker, started twice on the same data dir: topics, a 9 MiB record, persistence, clean shutdown. */
class LocalBrokerTest {

    private static final int NINE_MIB = 9 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void topicsLargeRecordAndRestart() throws Exception {
        Path data = dir.resolve("kafka");
        byte[] payload = new byte[NINE_MIB];
        new Random(42).nextBytes(payload);
        String topic = Topics.DEFAULT.scanRequests();
        int firstPort;

        try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(data).startTimeout(Duration.ofSeconds(45)).build().start()) {
            firstPort = broker.port();
            assertThat(firstPort).isPositive();
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + firstPort);
            assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();

            try (Admin admin = Admin.create(broker.clientConfig())) {
                List<String> names = StarlightTopics.createAll(admin, "starlight");
                assertThat(names).containsExactly(
                        "starlight.scan.requests", "starlight.scan.results", "starlight.scan.dlq", "starlight.models",
                        "starlight.models.decisions", "starlight.metrics", "starlight.explain.requests",
                        "starlight.explain.results");
                assertThat(admin.listTopics().names().get()).containsAll(names);
                // second call: nothing to create, same answer, no error
                assertThat(StarlightTopics.createAll(admin, "starlight")).isEqualTo(names);

                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                assertThat(described.get("starlight.scan.requests").partitions()).hasSize(4);
                assertThat(described.get("starlight.models").partitions()).hasSize(1);
                for (TopicSpec spec : TopicSpec.ALL) {
                    assertThat(described.get(spec.name(Topics.DEFAULT)).partitions()).hasSize(spec.partitions());
                }

                Map<String, Config> configs = topicConfigs(admin, names);
                for (String name : names) {
                    assertThat(configs.get(name).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())
                            .as("max.message.bytes of %s", name).isEqualTo("11534336");
                    String policy = configs.get(name).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                    assertThat(policy).as("cleanup.policy of %s", name)
                            .isEqualTo(name.startsWith("starlight.models") ? "compact" : "delete");
                    assertThat(configs.get(name).get(TopicConfig.RETENTION_MS_CONFIG).value()).as("retention.ms of %s", name)
                            .isEqualTo(name.equals("starlight.scan.dlq") ? "1209600000"
                                    : name.startsWith("starlight.models") ? "-1" : "604800000");
                }
            }

            RecordMetadata sent;
            try (KafkaProducer<String, byte[]> producer = producer(broker)) {
                ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, "big-1", payload);
                rec.headers().add("source", "test.png".getBytes(StandardCharsets.UTF_8));
                sent = producer.send(rec).get(30, TimeUnit.SECONDS);
            }
            assertThat(sent.serializedValueSize()).isEqualTo(NINE_MIB);
            assertRecordThere(broker, topic, payload);
        }
        assertThat(accepts(firstPort)).as("port closed after close()").isFalse();

        // same data dir, new broker: the record and the topics survive
        try (LocalBroker again = LocalBroker.builder().port(0).dataDir(data).startTimeout(Duration.ofSeconds(45)).build().start()) {
            try (Admin admin = Admin.create(again.clientConfig())) {
                assertThat(admin.listTopics().names().get()).containsAll(StarlightTopics.names("starlight"));
            }
            assertRecordThere(again, topic, payload);
        }
    }

    @Test
    void wipeRefusesForeignDirectories(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> LocalBroker.wipe(other)).isInstanceOf(IOException.class).hasMessageContaining("refusing");
        assertThat(other.resolve("precious.txt")).exists();

        Path kafka = other.resolve("kafka");
        Files.createDirectories(kafka.resolve("starlight.models-0"));
        Files.writeString(kafka.resolve("meta.properties"), "cluster.id=x\n");
        LocalBroker.wipe(kafka);
        assertThat(kafka).doesNotExist();
        LocalBroker.wipe(kafka); // absent: nothing to do
    }

    @Test
    void serverPropertiesCarryTheLimits() {
        var props = LocalBroker.builder().port(0).dataDir(dir).config("num.io.threads", "2").build().serverProperties();
        assertThat(props.getProperty("message.max.bytes")).isEqualTo("11534336");
        assertThat(props.getProperty("replica.fetch.max.bytes")).isEqualTo("11534336");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("min.insync.replicas")).isEqualTo("1");
        assertThat(props.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(props.getProperty("num.io.threads")).isEqualTo("2");
    }

    private static Map<String, Config> topicConfigs(Admin admin, Collection<String> names) throws Exception {
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).collect(Collectors.toList());
        Map<ConfigResource, Config> byResource = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<String, Config> byName = new HashMap<>();
        byResource.forEach((r, c) -> byName.put(r.name(), c));
        return byName;
    }

    private static KafkaProducer<String, byte[]> producer(LocalBroker broker) {
        Map<String, Object> cfg = new HashMap<>(broker.clientConfig());
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        cfg.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * Topics.MAX_MESSAGE_BYTES);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(cfg);
    }

    /** Reads every partition of the topic from the beginning (no group) and expects exactly the one record. */
    private static void assertRecordThere(LocalBroker broker, String topic, byte[] payload) {
        Map<String, Object> cfg = new HashMap<>(broker.clientConfig());
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        cfg.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(got::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(got::add);
        }
        assertThat(got).hasSize(1);
        ConsumerRecord<String, byte[]> r = got.get(0);
        assertThat(r.key()).isEqualTo("big-1");
        assertThat(new String(r.headers().lastHeader("source").value(), StandardCharsets.UTF_8)).isEqualTo("test.png");
        assertThat(r.value()).hasSize(payload.length).isEqualTo(payload);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
