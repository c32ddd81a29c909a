package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.ExplanationJson;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.protocol.Method;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Explain requests through a real broker: exactly one result per request, errors included; models from the topic. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaExplainTest {

    @Test
    @Order(1)
    void everyRequestGetsExactlyOneResultAndGarbageAnErrorCode() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> requests = Map.of(
                run + "-lsb", TestImages.stego(Method.LSB_RGB, 64, 21),
                run + "-clean", TestImages.cover(ImageFormat.PNG, 64, 21),
                run + "-truncated", java.util.Arrays.copyOf(TestImages.cover(ImageFormat.PNG, 64, 21), 200),
                run + "-random", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (KafkaProducer<String, byte[]> producer = producer()) {
            requests.forEach((k, v) -> producer.send(new ProducerRecord<>(Topics.DEFAULT.explainRequests(), k, v)));
        }
        List<ConsumerRecord<String, String>> results = read(Topics.DEFAULT.explainResults(), run, requests.size(),
                Duration.ofSeconds(60));

        Map<String, Integer> perKey = new HashMap<>();
        results.forEach(r -> perKey.merge(r.key(), 1, Integer::sum));
        assertThat(perKey).containsOnlyKeys(requests.keySet()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        Map<String, Explanation> byKey = new HashMap<>();
        results.forEach(r -> byKey.put(r.key(), ExplanationJson.read(r.value())));
        assertThat(byKey.get(run + "-lsb").messages().get(0).text()).isEqualTo(TestImages.MESSAGE);
        assertThat(byKey.get(run + "-clean").error()).isNull();
        assertThat(byKey.get(run + "-truncated").error().code()).isEqualTo("TRUNCATED");
        assertThat(byKey.get(run + "-random").error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(byKey.get(run + "-random").requestId()).isEqualTo(run + "-random");
    }

    @Test
    @Order(2)
    void aModelPublishedOnTheRegistryIsExplained() {
        byte[] onnx = LsbMeanModel.onnx("lsb-mean", "explain-test-1", 8f, -4f);
        ModelEnvelope envelope = ModelEnvelope.of("lsb-mean", "explain-test-1", Instant.now(), Map.of(), onnx);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "lsb-mean", envelope.toBytes()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/v1/explain/model")
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo("explain-test-1")));

        String json = given().body(TestImages.stego(Method.LSB_RGB, 64, 21)).header("X-Request-Id", "kafka-model-1")
                .when().post("/v1/explain").then().statusCode(200).extract().asString();
        Explanation e = ExplanationJson.read(json);
        assertThat(e.model().version()).isEqualTo("explain-test-1");
        assertThat(e.model().streams()).singleElement().satisfies(s -> {
            assertThat(s.stream()).isEqualTo("lsb");
            // ablating lsb leaves only the bias: logit 8 * mean(lsb) - 4 becomes -4
            assertThat(s.ablatedLogit()).isCloseTo(-4, org.assertj.core.api.Assertions.within(1e-5));
        });
        assertThat(e.saliency().tiles()).hasSize(1);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Reads the topic from the beginning until {@code count} keys of this run arrived, then 3 s more, so a
     * duplicate result would be seen.
     */
    private static List<ConsumerRecord<String, String>> read(String topic, String run, int count, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        long settle = Long.MAX_VALUE;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith(run)) {
                        out.add(r);
                    }
                }
                if (settle == Long.MAX_VALUE && out.stream().map(ConsumerRecord::key).distinct().count() >= count) {
                    settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return out;
    }
}
