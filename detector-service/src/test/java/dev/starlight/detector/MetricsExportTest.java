package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.MetricsExport;
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
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Scans through HTTP (twice, so the cache answers) and Kafka, offers a broken model, then exports the metric names it
 * serves. Its own profile gives it its own app and broker: the refused model must not reach other tests' counts.
 */
@QuarkusTest
@TestProfile(MetricsExportTest.OwnApp.class)
@WithTestResource(KafkaBrokerResource.class)
class MetricsExportTest {

    public static class OwnApp implements QuarkusTestProfile {
    }

    @Test
    void exportsTheMetricNamesItServes() throws Exception {
        byte[] image = TestImages.cover(ImageFormat.PNG, 64, 11);
        for (int i = 0; i < 2; i++) {
            given().body(image).contentType("image/png").when().post("/v1/scan").then().statusCode(200);
        }
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            producer.send(KafkaClients.request("metrics-export-1", image)).get();
            producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "broken",
                    "not an envelope".getBytes(StandardCharsets.UTF_8))).get();
        }
        assertThat(KafkaClients.readUntil(Topics.DEFAULT.scanResults(), "metrics-export-1"::equals, 1,
                Duration.ofSeconds(60))).isNotEmpty();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/metrics")
                .then().extract().asString().contains("starlight_model_swaps_total{outcome=\"refused\""));

        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = MetricsExport.write(body);
        assertThat(names).contains("starlight_scans_total", "starlight_scan_compute_seconds_count",
                "starlight_scan_queue_seconds_count", "starlight_cache_hits_total", "starlight_batch_size_count",
                "starlight_model_swaps_total", "kafka_consumer_fetch_manager_records_lag_max");
    }
}
