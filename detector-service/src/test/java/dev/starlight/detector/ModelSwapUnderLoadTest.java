package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.TestModels;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Models published while images stream in: three good models, a corrupt envelope and a model with the wrong
 * inputs. Every request still gets exactly one non-error result, the bad models are refused, and the detector
 * ends up serving the last good one.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ModelSwapUnderLoadTest {
    private static final int REQUESTS = 400;

    @Test
    void swapsUnderLoadLoseNothingAndRefuseBadModels() throws Exception {
        byte[] stego = TestImages.stego(Method.LSB_RGB, 1);
        byte[] clean = TestImages.cover(ImageFormat.PNG, 64, 2);
        try (KafkaProducer<String, byte[]> models = KafkaClients.producer()) {
            publish(models, envelope("lsb-mean", "1", TestModels.lsbMean("lsb-mean", "1", 1f, -10f)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/v1/models").then().statusCode(200).body("version", equalTo("1")));
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
                for (int i = 0; i < REQUESTS; i++) {
                    // distinct bytes per request (a trailing byte after IEND) so the content cache cannot answer
                    byte[] base = i % 2 == 0 ? stego : clean;
                    byte[] body = java.util.Arrays.copyOf(base, base.length + 1);
                    body[base.length] = (byte) i;
                    producer.send(KafkaClients.request("load-" + i, body));
                    if (i % 20 == 0) {
                        producer.flush();
                        sleep(100);
                    }
                }
            }
        });
        try (KafkaProducer<String, byte[]> models = KafkaClients.producer()) {
            sleep(300);
            byte[] corrupt = envelope("lsb-mean", "bad-checksum", TestModels.lsbMean("lsb-mean", "x", 1f, 0f));
            corrupt[corrupt.length - 1] ^= 0x55;
            publish(models, corrupt);
            sleep(300);
            publish(models, envelope("lsb-mean", "2", TestModels.lsbMean("lsb-mean", "2", 1f, -9f)));
            sleep(300);
            publish(models, envelope("wrong", "bad-inputs", TestModels.wrongInputs("wrong", "bad-inputs")));
            sleep(300);
            publish(models, envelope("lsb-mean", "3", TestModels.lsbMean("lsb-mean", "3", 1f, -8f)));
        }
        load.get();

        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                key -> key.startsWith("load-"), REQUESTS, Duration.ofSeconds(90));
        Map<String, ScanResult> byId = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (r.key().startsWith("load-")) {
                ScanResult result = ScanResultJson.read(r.value());
                ScanResult previous = byId.put(r.key(), result);
                if (previous != null) {
                    // at-least-once: a duplicate must carry the same verdict
                    assertThat(result.verdict()).isEqualTo(previous.verdict());
                }
            }
        }
        assertThat(byId).hasSize(REQUESTS);
        assertThat(byId.values()).noneMatch(ScanResult::isError);
        assertThat(byId.values()).extracting(ScanResult::modelVersion).allMatch(v -> Set.of("1", "2", "3").contains(v));
        // the swaps happened while traffic flowed: results were served by more than one model
        assertThat(byId.values().stream().map(ScanResult::modelVersion).distinct().count()).isGreaterThan(1);
        for (int i = 0; i < REQUESTS; i += 2) {
            assertThat(byId.get("load-" + i).verdict()).isEqualTo(Verdict.STEGO);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/v1/models").then().statusCode(200).body("version", equalTo("3"))
                        .body("rulesOnly", equalTo(false))
                        .body("card.sha256", equalTo(ModelEnvelope.fromBytes(envelope("lsb-mean", "3",
                                TestModels.lsbMean("lsb-mean", "3", 1f, -8f))).sha256()))
                        .body("card.inputs", equalTo("lsb")));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("starlight_model_swaps_total\\{outcome=\"refused\"[^}]*} 2\\.0");
        assertThat(metrics).containsPattern("starlight_model_swaps_total\\{outcome=\"loaded\"[^}]*} 3\\.0");
        given().body(clean).contentType("image/png").when().post("/v1/scan")
                .then().statusCode(200).body("modelVersion", equalTo("3")).body("verdict", equalTo("clean"));
    }

    private static byte[] envelope(String name, String version, byte[] onnx) {
        return ModelEnvelope.of(name, version, Instant.parse("2026-11-24T00:00:00Z"), Map.of(), onnx).toBytes();
    }

    private static void publish(KafkaProducer<String, byte[]> producer, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "lsb-mean", value));
        producer.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
