package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * With a per-image limit far below what a large image takes, the request is answered with a TIMEOUT error
 * result: 503 over HTTP, one result on the results topic over Kafka, and the late real result is never sent.
 */
@QuarkusTest
@TestProfile(ScanTimeoutTest.TinyTimeout.class)
@WithTestResource(KafkaBrokerResource.class)
class ScanTimeoutTest {

    public static class TinyTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.scan-timeout", "20ms", "starlight.detector.cache-entries", "1");
        }
    }

    @Test
    void aScanPastTheLimitIsAnsweredWith503AndTheTimeoutCodeOverHttp() {
        byte[] big = TestImages.cover(ImageFormat.PNG, 1200, 31);
        long start = System.nanoTime();
        String code = given().body(big).contentType("image/png").when().post("/v1/scan")
                .then().statusCode(503).extract().path("error.code");
        assertThat(code).isEqualTo("TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aScanPastTheLimitGetsExactlyOneTimeoutResultOverKafka() throws Exception {
        byte[] big = TestImages.cover(ImageFormat.PNG, 1200, 32);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            producer.send(KafkaClients.request("slow-image", big));
            producer.flush();
        }
        List<ConsumerRecord<String, String>> first = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                "slow-image"::equals, 1, Duration.ofSeconds(60));
        assertThat(first).hasSize(1);
        ScanResult result = ScanResultJson.read(first.get(0).value());
        assertThat(result.error().code()).isEqualTo("TIMEOUT");
        // the scan itself goes on in the background; give it time to finish, then look again for a second answer
        Thread.sleep(5_000);
        List<ConsumerRecord<String, String>> all = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                "slow-image"::equals, 2, Duration.ofSeconds(5));
        assertThat(all).hasSize(1);
    }
}
