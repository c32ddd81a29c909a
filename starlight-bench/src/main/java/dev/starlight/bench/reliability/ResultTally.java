package dev.starlight.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code starlight.scan.results} from the beginning on its own thread and keeps, per request id of this run,
 * the first answer (verdict, method, error code); counts later answers for the same id as duplicates and those
 * whose answer differs as mismatches. Latency is taken from the producer's send time to the result's arrival.
 */
final class ResultTally implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Function<String, Long> sentAt;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final List<String> mismatchExamples = new ArrayList<>();
    private final Map<String, Long> answerCounts = new ConcurrentHashMap<>();
    private final List<Long> latencyWindow = new ArrayList<>();
    private final Thread thread;
    private final KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;

    ResultTally(String bootstrap, Topics topics, String run, Function<String, Long> sentAt) {
        this.prefix = run + "-";
        this.sentAt = sentAt;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topics.scanResults()).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::loop, "result-tally");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        record(r.key(), r.value());
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // the broker may be restarting: the consumer reconnects on the next poll
                sleep(200);
            }
        }
    }

    private void record(String id, String json) {
        long now = System.nanoTime();
        String answer = answer(json);
        String first = answers.putIfAbsent(id, answer);
        if (first == null) {
            answerCounts.merge(answer, 1L, Long::sum);
            Long sent = sentAt.apply(id);
            if (sent != null) {
                synchronized (latencyWindow) {
                    latencyWindow.add(now - sent);
                }
            }
        } else {
            duplicates.incrementAndGet();
            if (!first.equals(answer)) {
                mismatches.incrementAndGet();
                synchronized (mismatchExamples) {
                    if (mismatchExamples.size() < 10) {
                        mismatchExamples.add(id + ": " + first + " then " + answer);
                    }
                }
            }
        }
    }

    /** "clean", "stego lsb.rgb" or "error CODE": what must agree between duplicates. */
    static String answer(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            String verdict = n.path("verdict").asText();
            if (verdict.equals("error")) {
                return "error " + n.path("error").path("code").asText();
            }
            return n.path("method").isTextual() ? verdict + " " + n.path("method").asText() : verdict;
        } catch (java.io.IOException e) {
            return "unparseable";
        }
    }

    int answered() {
        return answers.size();
    }

    boolean answered(String id) {
        return answers.containsKey(id);
    }

    long duplicates() {
        return duplicates.get();
    }

    long mismatches() {
        return mismatches.get();
    }

    List<String> mismatchExamples() {
        synchronized (mismatchExamples) {
            return List.copyOf(mismatchExamples);
        }
    }

    Map<String, Long> answerCounts() {
        return new TreeMap<>(answerCounts);
    }

    /** Latencies (ns) of first answers since the last call. */
    long[] drainLatencies() {
        synchronized (latencyWindow) {
            long[] out = latencyWindow.stream().mapToLong(Long::longValue).toArray();
            latencyWindow.clear();
            return out;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close();
    }
}
