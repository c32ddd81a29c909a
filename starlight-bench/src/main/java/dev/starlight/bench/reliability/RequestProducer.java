package dev.starlight.bench.reliability;

import dev.starlight.core.events.Topics;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces scan requests with ids {@code RUN-INDEX}, as a careful client would: idempotent, acks=all, blocking
 * rather than failing while the broker is away. A request counts as produced once the broker acknowledged it; a
 * send that failed anyway is kept for {@link #resendFailed()}.
 */
final class RequestProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String run;
    private final RequestImages images;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Queue<Integer> failed = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final AtomicLong sendFailures = new AtomicLong();

    RequestProducer(String bootstrap, Topics topics, String run, RequestImages images) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topics.scanRequests();
        this.run = run;
        this.images = images;
    }

    static String id(String run, int index) {
        return run + "-" + index;
    }

    void send(int index) {
        String id = id(run, index);
        sentAtNanos.putIfAbsent(id, System.nanoTime());
        producer.send(new ProducerRecord<>(topic, id, images.forRequest(index)), (metadata, error) -> {
            if (error == null) {
                acknowledged.add(id);
            } else {
                sendFailures.incrementAndGet();
                failed.add(index);
            }
        });
    }

    /** Sends again every request whose send failed; returns how many. */
    int resendFailed() {
        int n = 0;
        for (Integer index; (index = failed.poll()) != null; n++) {
            send(index);
        }
        return n;
    }

    void flush() {
        producer.flush();
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    long sendFailures() {
        return sendFailures.get();
    }

    /** When the request was first handed to the producer (System.nanoTime), or null. */
    Long sentAt(String id) {
        return sentAtNanos.get(id);
    }

    @Override
    public void close() {
        producer.close();
    }
}
