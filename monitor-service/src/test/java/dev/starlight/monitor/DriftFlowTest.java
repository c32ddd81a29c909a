package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model version's first 500 scores per format (the test profile's reference size) make its reference; then one
 * chunk (100) of live scores per format: unchanged on png, shifted scores on gif, a higher stego rate on bmp.
 */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class DriftFlowTest {
    private static final String MODEL = "drift-v1";

    private static JsonPath check(String format) {
        return given().get("/v1/monitoring/drift").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.model == '" + MODEL + "' && it.format == '" + format + "' }");
    }

    @Test
    void shiftedScoresAndStegoRateRaiseDriftAlertsAndUnchangedOnesDoNot() {
        String topic = KafkaClients.prefix() + ".scan.results";
        Random random = new Random(7);
        try (KafkaClients kafka = KafkaClients.forApp()) {
            int n = 0;
            for (int i = 0; i < 500; i++) {
                for (String format : List.of("png", "gif", "bmp")) {
                    send(kafka, topic, n++, format, 0.2 + 0.1 * random.nextGaussian(), random.nextDouble() < 0.05);
                }
            }
            for (int i = 0; i < 100; i++) {
                send(kafka, topic, n++, "png", 0.2 + 0.1 * random.nextGaussian(), random.nextDouble() < 0.05);
                send(kafka, topic, n++, "gif", 0.45 + 0.1 * random.nextGaussian(), random.nextDouble() < 0.05);
                send(kafka, topic, n++, "bmp", 0.2 + 0.1 * random.nextGaussian(), random.nextDouble() < 0.40);
            }
            kafka.flush();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(check("png").getString("state")).isEqualTo("STABLE");
            assertThat(check("gif").getString("state")).isEqualTo("DRIFT");
            assertThat(check("bmp").getString("state")).isEqualTo("DRIFT");
        });
        JsonPath png = check("png");
        assertThat(png.getInt("referenceSize")).isEqualTo(500);
        assertThat(png.getInt("liveSize")).isEqualTo(100);
        assertThat(png.getDouble("psi")).isLessThan(png.getDouble("psiThreshold"));
        JsonPath gif = check("gif");
        assertThat(gif.getDouble("psi")).isGreaterThan(gif.getDouble("psiThreshold"));
        assertThat(gif.getString("reason")).startsWith("score distribution moved: PSI");
        JsonPath bmp = check("bmp");
        assertThat(bmp.getDouble("psi")).isLessThan(bmp.getDouble("psiThreshold"));
        assertThat(bmp.getString("reason")).startsWith("stego rate moved");
        assertThat(bmp.getDouble("liveStegoRate") - bmp.getDouble("referenceStegoRate"))
                .isGreaterThan(bmp.getDouble("rateThreshold"));
        // the thresholds were learned from the reference, not configured
        assertThat(png.getDouble("psiThreshold")).isNotEqualTo(gif.getDouble("psiThreshold"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> firing = given().get("/v1/monitoring/alerts?state=firing").then().extract().jsonPath()
                    .getList("id", String.class);
            assertThat(firing).contains("drift:" + MODEL + "/gif", "drift:" + MODEL + "/bmp")
                    .doesNotContain("drift:" + MODEL + "/png");
        });
        given().get("/v1/monitoring/baselines").then().statusCode(200);
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString(
                "starlight_monitor_drift_psi{format=\"gif\",model=\"drift-v1\"}"));
    }

    private static void send(KafkaClients kafka, String topic, int n, String format, double score, boolean stego) {
        double s = Math.max(0, Math.min(1, score));
        String id = "drift-" + n;
        // one partition: the first 500 per format must arrive first to make the reference
        kafka.sendAsync(topic, 0, id, stego ? Events.stego(id, MODEL, format, s, "lsb.rgb", 5)
                : Events.clean(id, MODEL, format, s, 5));
    }
}
