package dev.starlight.bench;

import dev.starlight.core.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code starlight.scan.results} from the beginning until it has been idle for 10 s and prints how many
 * records each key (request id) has: after a run on a fresh broker, every key should have exactly one.
 *
 * <pre>
 * java -cp starlight-bench/target/benchmarks.jar dev.starlight.bench.ResultCount localhost:19092
 * </pre>
 */
public final class ResultCount {
    private ResultCount() {
    }

    public static void main(String[] args) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "result-count-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> perKey = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.DEFAULT.scanResults()));
            long lastRecord = System.nanoTime();
            while (System.nanoTime() - lastRecord < Duration.ofSeconds(10).toNanos()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    perKey.merge(r.key(), 1, Integer::sum);
                    lastRecord = System.nanoTime();
                }
            }
        }
        Map<Integer, Integer> keysByCount = new TreeMap<>();
        perKey.values().forEach(n -> keysByCount.merge(n, 1, Integer::sum));
        System.out.println("result records: " + perKey.values().stream().mapToInt(Integer::intValue).sum()
                + ", distinct keys: " + perKey.size() + ", keys by number of records: " + keysByCount);
    }
}
