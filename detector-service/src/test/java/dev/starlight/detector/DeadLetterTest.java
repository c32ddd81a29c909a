package dev.starlight.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * When not even a result can be written (here: the results producer refuses every record as too large), the
 * request is not lost: its original bytes go to starlight.scan.dlq with the reason in headers.
 */
@QuarkusTest
@TestProfile(DeadLetterTest.ResultsUnwritable.class)
@WithTestResource(KafkaBrokerResource.class)
class DeadLetterTest {

    public static class ResultsUnwritable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.scan-results.max.request.size", "64");
        }
    }

    @Test
    void requestWhoseResultCannotBeWrittenGoesToTheDlqWithItsBytesAndReason() {
        byte[] image = TestImages.cover(ImageFormat.PNG, 32, 3);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            producer.send(KafkaClients.request("dlq-1", image, Topics.HEADER_SOURCE, "x.png"));
            producer.flush();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClients.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConsumerRecord<String, byte[]> dead = null;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.DEFAULT.scanDlq()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (dead == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if ("dlq-1".equals(r.key())) {
                        dead = r;
                    }
                }
            }
        }
        assertThat(dead).as("DLQ record for dlq-1").isNotNull();
        assertThat(dead.value()).isEqualTo(image);
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.DEFAULT.scanRequests());
        assertThat(header(dead, "dead-letter-reason")).isNotBlank();
        assertThat(header(dead, "dead-letter-offset")).matches("\\d+");
        assertThat(header(dead, Topics.HEADER_SOURCE)).isEqualTo("x.png");
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
