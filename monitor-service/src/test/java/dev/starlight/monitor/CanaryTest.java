package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The canary job produces labelled images to the request topic; the test plays the detector, answering 8 clean and
 * 8 stego canaries with known verdicts, and the monitor's live FPR and TPR must match them exactly.
 */
@QuarkusTest
@TestProfile(CanaryTest.CanaryOn.class)
@WithTestResource(CanaryTest.Broker.class)
class CanaryTest {
    static final String PREFIX = "canary";

    public static class CanaryOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 2 % of a configured 100 images/s: 2 canaries a second
            return Map.of("starlight.monitor.canary.enabled", "true", "starlight.monitor.canary.every", "300ms",
                    "starlight.monitor.canary.capacity", "100", "starlight.topic-prefix", PREFIX);
        }
    }

    public static class Broker extends SharedKafkaBrokerResource {
        @Override
        public Map<String, String> start() {
            return Map.of("kafka.bootstrap.servers", SharedKafkaBrokerResource.bootstrap(PREFIX));
        }
    }

    @Test
    void canaryResultsGiveLiveFprAndTprAndStayOutOfTheAggregates() {
        List<ConsumerRecord<String, byte[]>> clean = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> stego = new ArrayList<>();
        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (ConsumerRecord<String, byte[]> r : kafka.read(PREFIX + ".scan.requests", 16, Duration.ofSeconds(30))) {
                String label = new String(r.headers().lastHeader("starlight-canary").value(), StandardCharsets.UTF_8);
                assertThat(r.key()).startsWith("canary-" + label + "-");
                assertThat(new String(r.headers().lastHeader("source").value(), StandardCharsets.UTF_8))
                        .isEqualTo("canary");
                (label.equals("clean") ? clean : stego).add(r);
            }
            assertThat(clean).hasSizeGreaterThanOrEqualTo(8);
            assertThat(stego).hasSizeGreaterThanOrEqualTo(8);
            // the images are real: a clean one decodes and hides nothing; the stego ones with a message (every
            // other one; which arrive first depends on the partitions) carry theirs
            byte[] cleanImage = clean.get(0).value();
            assertThat(Protocol.messages(cleanImage, ImageCodecs.decode(cleanImage))).isEmpty();
            assertThat(stego).anySatisfy(r -> assertThat(Protocol.messages(r.value(), ImageCodecs.decode(r.value())))
                    .anySatisfy(e -> assertThat(new String(e.payload(), StandardCharsets.UTF_8))
                            .startsWith("starlight canary")));

            String results = PREFIX + ".scan.results";
            for (int i = 0; i < 8; i++) {
                String id = clean.get(i).key();
                kafka.send(results, id, i % 4 == 0 ? Events.stego(id, "c-v1", "png", 0.9, "lsb.rgb", 4)
                        : Events.clean(id, "c-v1", "png", 0.1, 4));
                String sid = stego.get(i).key();
                kafka.send(results, sid, i == 0 ? Events.clean(sid, "c-v1", "png", 0.2, 4)
                        : Events.stego(sid, "c-v1", "png", 0.95, "lsb.rgb", 4));
            }
            kafka.send(results, clean.get(1).key(), Events.stego(clean.get(1).key(), "c-v1", "png", 0.9, "x", 4));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath c = given().get("/v1/monitoring/canary").then().statusCode(200).extract().jsonPath();
            assertThat(c.getDouble("fpr")).isEqualTo(0.25);     // 2 of 8 clean judged stego
            assertThat(c.getDouble("tpr")).isEqualTo(0.875);    // 7 of 8 stego detected
            assertThat(c.getLong("matched")).isEqualTo(16);     // the duplicate result counted once
            assertThat(c.getLong("cleanResults")).isEqualTo(8);
            assertThat(c.getLong("sent")).isGreaterThanOrEqualTo(16);
        });
        given().get("/v1/monitoring/stats/1m").then().body("count", org.hamcrest.Matchers.equalTo(0));

        // the job obeys the rate it reports: 2 % of 100/s, and over 3 s it sends no more than that (one tick's
        // rounding aside)
        given().get("/v1/monitoring/canary/rate").then().statusCode(200)
                .body("perSecond", org.hamcrest.Matchers.equalTo(2.0f))
                .body("capacitySource", org.hamcrest.Matchers.equalTo("configured"))
                .body("share", org.hamcrest.Matchers.equalTo(0.02f));
        long sent0 = given().get("/v1/monitoring/canary").then().extract().jsonPath().getLong("sent");
        long t0 = System.nanoTime();
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        long sent1 = given().get("/v1/monitoring/canary").then().extract().jsonPath().getLong("sent");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(sent1 - sent0).isLessThanOrEqualTo((long) Math.ceil(2 * seconds) + 1).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("starlight_monitor_fpr_canary 0.25"))
                .body(org.hamcrest.Matchers.containsString("starlight_monitor_tpr_canary 0.875")));
    }
}
