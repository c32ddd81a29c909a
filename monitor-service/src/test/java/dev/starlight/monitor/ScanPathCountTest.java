package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Results of both paths are counted: records with {@code starlight-path: http} (what the detector publishes for an
 * HTTP answer), {@code kafka}, and none (older detectors: Kafka) all reach the windows, per path in {@code byPath}.
 */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class ScanPathCountTest {
    private static final String MODEL = "paths-v1";

    @Test
    void httpAndKafkaResultsAreBothCountedPerPath() throws Exception {
        String topic = KafkaClients.prefix() + ".scan.results";
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            for (int i = 0; i < 9; i++) {
                String id = "path-" + i;
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, id,
                        (i % 3 == 0 ? Events.stego(id, MODEL, "png", 0.9, "alpha", 5)
                                : Events.clean(id, MODEL, "png", 0.1, 5)).getBytes(StandardCharsets.UTF_8));
                String path = i < 4 ? Topics.PATH_HTTP : i < 7 ? Topics.PATH_KAFKA : null;
                if (path != null) {
                    r.headers().add(Topics.HEADER_PATH, path.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(r).get();
            }
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().queryParam("model", MODEL)
                .get("/v1/monitoring/stats/1m").then().statusCode(200).body("count", equalTo(9))
                .body("byPath.http", equalTo(4)).body("byPath.kafka", equalTo(5)).body("stego", equalTo(3)));
        given().get("/v1/monitoring/stats/1m").then().body("byPath.http",
                org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }
}
