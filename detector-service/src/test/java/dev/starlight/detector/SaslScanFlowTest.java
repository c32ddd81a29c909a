package dev.starlight.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.core.events.Topics;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SaslKafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The detector against a broker that only takes SCRAM-SHA-512 logins, configured through the {@code kafka.*}
 * settings alone: a request sent with credentials gets its result; a producer without them gets nowhere.
 */
@QuarkusTest
@WithTestResource(SaslKafkaBrokerResource.class)
class SaslScanFlowTest {

    @Test
    void aScanRequestSentWithCredentialsGetsItsResultOverSasl() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(SaslKafkaBrokerResource.clientConfig())) {
            producer.send(KafkaClients.request("sasl-1", TestImages.stego(Method.RAW, 3))).get(15, TimeUnit.SECONDS);
        }

        Map<String, Object> c = new HashMap<>(SaslKafkaBrokerResource.clientConfig());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ScanResult result = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEFAULT.scanResults()));
            while (result == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if ("sasl-1".equals(r.key())) {
                        result = ScanResultJson.read(r.value());
                    }
                }
            }
        }
        assertThat(result).as("result for sasl-1").isNotNull();
        assertThat(result.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(result.method()).isEqualTo(Method.RAW.label());
    }

    @Test
    void aProducerWithoutCredentialsIsRefused() {
        Map<String, Object> p = new HashMap<>(SaslKafkaBrokerResource.withoutCredentials());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, byte[]> producer = producer(p)) {
            assertThatThrownBy(() -> producer.send(KafkaClients.request("anonymous", new byte[] {1}))
                    .get(10, TimeUnit.SECONDS)).hasMessageContaining("not present in metadata");
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> config) {
        Map<String, Object> p = new HashMap<>(config);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
