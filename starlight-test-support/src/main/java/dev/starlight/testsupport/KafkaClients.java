package dev.starlight.testsupport;

import dev.starlight.core.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain Kafka clients against the test broker, as a user's producer and consumer, a detector or the trainer would
 * be. The static methods work against the running app's broker ({@code kafka.bootstrap.servers}); an instance holds
 * one producer against a given broker and reads from it.
 */
public final class KafkaClients implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaClients(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = producer(bootstrap);
    }

    /** Against the running app's broker. */
    public static KafkaClients forApp() {
        return new KafkaClients(bootstrap());
    }

    /** The running app's {@code kafka.bootstrap.servers}. */
    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The running app's {@code starlight.topic-prefix}. */
    public static String prefix() {
        return ConfigProvider.getConfig().getValue("starlight.topic-prefix", String.class);
    }

    /** A new producer against the running app's broker that takes 10 MiB records; the caller closes it. */
    public static KafkaProducer<String, byte[]> producer() {
        return producer(bootstrap());
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A scan request on the default prefix's requests topic; {@code headers} are name, value pairs. */
    public static ProducerRecord<String, byte[]> request(String key, byte[] value, String... headers) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DEFAULT.scanRequests(), key, value);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /**
     * Reads {@code topic} of the app's broker from the beginning until a record for every wanted key arrived (or the
     * time is up), ignoring records of other tests that share the broker. Keys are matched by {@code wanted}.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<String> wanted,
                                                                 int distinctKeys, Duration within) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(groupConsumer(bootstrap()), new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (seen.size() < distinctKeys && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                    if (r.key() != null && wanted.test(r.key())) {
                        out.add(r);
                        seen.add(r.key());
                    }
                }
            }
        }
        return out;
    }

    /** Reads {@code topic} of the app's broker from the beginning until {@code count} records arrived or the time is up. */
    public static List<ConsumerRecord<String, String>> readResults(String topic, int count, Duration within) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(groupConsumer(bootstrap()), new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(POLL).forEach(out::add);
            }
        }
        return out;
    }

    /** Every record {@code topic} of the app's broker holds now, from the beginning to the end offsets read at the start. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 5 * Topics.MAX_MESSAGE_BYTES);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end);
                }
                c.poll(POLL).forEach(out::add);
            }
        }
        return out;
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Sends one record and waits until the broker has it; {@code timestampMs} null lets the producer stamp it. */
    public void send(String topic, String key, byte[] value, Long timestampMs) {
        try {
            producer.send(new ProducerRecord<>(topic, null, timestampMs, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    /** Sends without waiting for each record; {@link #flush()} waits for all. */
    public void sendAsync(String topic, String key, String value) {
        sendAsync(topic, null, key, value);
    }

    /** As {@link #sendAsync(String, String, String)}, to one partition (null: by key), where a test needs one order. */
    public void sendAsync(String topic, Integer partition, String key, String value) {
        producer.send(new ProducerRecord<>(topic, partition, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    public void flush() {
        producer.flush();
    }

    /** Reads {@code topic} from the beginning until {@code count} records arrived or the time is up. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration within) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(groupConsumer(bootstrap), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(POLL).forEach(out::add);
            }
        }
        return out;
    }

    /** A consumer in a group of its own that starts at the beginning and takes 10 MiB records. */
    private static Properties groupConsumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return p;
    }

    @Override
    public void close() {
        producer.close();
    }
}
