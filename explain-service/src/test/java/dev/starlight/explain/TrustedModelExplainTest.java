package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.core.events.Topics;
import dev.starlight.core.model.Ed25519Keys;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelSigner;
import dev.starlight.core.model.TestSigningKeys;
import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * With {@code starlight.explain.trusted-keys} set, the explainer follows a model signed by the trusted key and
 * ignores unsigned ones and ones signed by another key, as the detector does: it explains what the detectors serve.
 */
@QuarkusTest
@TestProfile(TrustedModelExplainTest.TrustOneKey.class)
@WithTestResource(KafkaBrokerResource.class)
class TrustedModelExplainTest {
    static final Path DIR = Path.of("target", "trusted-model-explain-test");

    public static class TrustOneKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.explain.trusted-keys",
                    TestSigningKeys.writePair(DIR, "publisher").resolve("publisher.pub.pem").toString());
        }
    }

    @Test
    void onlyModelsSignedByATrustedKeyAreFollowed() throws Exception {
        ModelSigner publisher = ModelSigner.fromPem(DIR.resolve("publisher.pem"));
        ModelSigner stranger = new ModelSigner(Ed25519Keys.generate().getPrivate());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, publisher.sign(envelope("signed-1")).toBytes());
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when()
                    .get("/v1/explain/model").then().statusCode(200).body("version", equalTo("signed-1")));

            publish(producer, envelope("unsigned").toBytes());
            publish(producer, stranger.sign(envelope("stranger")).toBytes());
        }
        Thread.sleep(5000);
        given().when().get("/v1/explain/model").then().statusCode(200).body("version", equalTo("signed-1"));
    }

    private static ModelEnvelope envelope(String version) {
        return ModelEnvelope.of("lsb-mean", version, Instant.parse("2026-11-25T00:00:00Z"), Map.of(),
                LsbMeanModel.onnx("lsb-mean", version, 8f, -4f));
    }

    private static void publish(KafkaProducer<String, byte[]> producer, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "lsb-mean", value)).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
