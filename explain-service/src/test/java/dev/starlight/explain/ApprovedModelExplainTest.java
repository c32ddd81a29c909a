package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelDecisionJson;
import dev.starlight.core.events.ModelVerdict;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With {@code require-approval}, the explainer obeys the monitor's decisions as the detector does: a published model
 * is explained with only once a decision names it champion, and a challenger the monitor rejected never is.
 */
@QuarkusTest
@TestProfile(ApprovedModelExplainTest.RequireApproval.class)
@WithTestResource(KafkaBrokerResource.class)
class ApprovedModelExplainTest {
    private static final String NAME = "gated-explain";

    public static class RequireApproval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.explain.require-approval", "true");
        }
    }

    @Test
    void aModelTheMonitorRejectedIsNotExplainedWith() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, "approved-1");
            Thread.sleep(1500);
            explainingWith(not(equalTo("approved-1")), Duration.ofSeconds(30));

            decide(producer, "approved-1", ModelVerdict.APPROVED, "approved-1");
            explainingWith(equalTo("approved-1"), Duration.ofSeconds(60));

            publish(producer, "rejected-2");
            decide(producer, "rejected-2", ModelVerdict.REJECTED, "approved-1");
        }
        Thread.sleep(3000);
        explainingWith(equalTo("approved-1"), Duration.ofSeconds(30));
    }

    private static void explainingWith(org.hamcrest.Matcher<String> version, Duration within) {
        Awaitility.await().atMost(within).untilAsserted(() -> given().when().get("/v1/explain/model")
                .then().body("version", version));
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String version) throws Exception {
        byte[] onnx = LsbMeanModel.onnx(NAME, version, 8f, -4f);
        producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), NAME, ModelEnvelope.of(NAME, version,
                Instant.parse("2026-12-01T00:00:00Z"), Map.of(), onnx).toBytes())).get();
    }

    private static void decide(KafkaProducer<String, byte[]> producer, String version, ModelVerdict verdict,
                               String champion) throws Exception {
        String json = ModelDecisionJson.write(new ModelDecision(ModelDecision.TYPE, NAME, version, verdict,
                "approved-1", List.of(), "test", false, champion, System.currentTimeMillis()));
        producer.send(new ProducerRecord<>(Topics.DEFAULT.modelDecisions(), NAME,
                json.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
