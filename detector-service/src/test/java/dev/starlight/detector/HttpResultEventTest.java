package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * One event stream for every path: a scan answered over HTTP is also published to {@code starlight.scan.results}
 * (key = its request id, header {@code starlight-path: http}, the very result the client got), and a Kafka scan's
 * result says {@code starlight-path: kafka}, so the monitor counts both.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpResultEventTest {

    @Test
    void anHttpScanLandsOnTheResultsTopicMarkedHttp() {
        String json = given().body(TestImages.stego(Method.LSB_RGB, 61)).contentType("image/png")
                .header("X-Request-Id", "http-event-1").when().post("/v1/scan")
                .then().statusCode(200).extract().asString();
        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                "http-event-1"::equals, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), Topics.HEADER_PATH)).isEqualTo("http");
        assertThat(header(records.get(0), "verdict")).isEqualTo("stego");
        assertThat(ScanResultJson.read(records.get(0).value())).usingRecursiveComparison()
                .isEqualTo(ScanResultJson.read(json));
    }

    @Test
    void anHttpErrorAnswerIsPublishedToo() {
        given().body("not an image".getBytes(StandardCharsets.UTF_8)).contentType("application/octet-stream")
                .header("X-Request-Id", "http-event-bad").when().post("/v1/scan")
                .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                "http-event-bad"::equals, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ScanResult result = ScanResultJson.read(records.get(0).value());
        assertThat(result.error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(header(records.get(0), Topics.HEADER_PATH)).isEqualTo("http");
    }

    @Test
    void aKafkaScanResultIsMarkedKafka() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            producer.send(KafkaClients.request("kafka-event-1", TestImages.cover(ImageFormat.PNG, 32, 62))).get();
        }
        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                "kafka-event-1"::equals, 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), Topics.HEADER_PATH)).isEqualTo("kafka");
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
