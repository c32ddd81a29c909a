package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.Ed25519Keys;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelSigner;
import dev.starlight.core.model.TestSigningKeys;
import dev.starlight.core.model.TestModels;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With {@code models.trusted-keys} set, the detector loads a model signed by the trusted key from the registry topic
 * and refuses unsigned ones, ones signed by another key and tampered ones, while the trusted model keeps serving.
 */
@QuarkusTest
@TestProfile(TrustedModelTest.TrustOneKey.class)
@WithTestResource(KafkaBrokerResource.class)
class TrustedModelTest {
    static final Path DIR = Path.of("target", "trusted-model-test");

    public static class TrustOneKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.models.trusted-keys",
                    TestSigningKeys.writePair(DIR, "publisher").resolve("publisher.pub.pem").toString());
        }
    }

    @Test
    void onlyModelsSignedByATrustedKeyServe() throws Exception {
        ModelSigner publisher = ModelSigner.fromPem(DIR.resolve("publisher.pem"));
        ModelSigner stranger = new ModelSigner(Ed25519Keys.generate().getPrivate());
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            publish(producer, publisher.sign(envelope("1")).toBytes());
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().when().get("/v1/models").then().statusCode(200).body("version", equalTo("1")));

            publish(producer, envelope("unsigned").toBytes());
            publish(producer, stranger.sign(envelope("stranger")).toBytes());
            ModelEnvelope signed = publisher.sign(envelope("tampered"));
            publish(producer, new ModelEnvelope(signed.name(), "tampered-renamed", signed.sha256(),
                    signed.createdAt(), signed.metadata(), signed.onnx(), signed.signature()).toBytes());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/metrics").then()
                .extract().asString().contains("starlight_model_swaps_total{outcome=\"refused\"} 3.0"));

        given().when().get("/v1/models").then().statusCode(200).body("version", equalTo("1"))
                .body("rulesOnly", equalTo(false));
        given().body(TestImages.cover(ImageFormat.PNG, 64, 31)).contentType("image/png").when().post("/v1/scan")
                .then().statusCode(200).body("modelVersion", equalTo("1"));
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("starlight_model_swaps_total{outcome=\"loaded\"} 1.0");
    }

    private static ModelEnvelope envelope(String version) {
        return ModelEnvelope.of("lsb-mean", version, Instant.parse("2026-11-24T00:00:00Z"), Map.of(),
                TestModels.lsbMean("lsb-mean", version, 1f, -10f));
    }

    private static void publish(KafkaProducer<String, byte[]> producer, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "lsb-mean", value)).get();
    }
}
