package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.starlight.core.MetricsExport;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds results (enough for a drift reference and a live chunk: the test profile's reference is 500), a detector batch
 * and a model evaluation, then exports the metric names the monitor serves. Its own profile gives it its own app and
 * broker, so its records and alerts reach no other test.
 */
@QuarkusTest
@TestProfile(MetricsExportTest.OwnApp.class)
@WithTestResource(SharedKafkaBrokerResource.class)
class MetricsExportTest {

    public static class OwnApp implements QuarkusTestProfile {
    }
    private static final String MODEL = "metrics-export";

    @Test
    void exportsTheMetricNamesItServes() throws Exception {
        String p = KafkaClients.prefix();
        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (int i = 0; i < 20; i++) {
                String id = "export-" + i;
                String json = i % 10 == 0 ? Events.error(id, MODEL, "png", "TRUNCATED", 5)
                        : i % 5 == 0 ? Events.stego(id, MODEL, "jpeg", 0.9, "lsb.rgb", 5)
                        : Events.clean(id, MODEL, "png", 0.1, 5);
                kafka.send(p + ".scan.results", id, json.getBytes(StandardCharsets.UTF_8), null);
            }
            Random random = new Random(3);
            for (int i = 0; i < 600; i++) {
                double score = Math.max(0, Math.min(1, 0.2 + 0.1 * random.nextGaussian()));
                kafka.send(p + ".scan.results", "export-drift-" + i, Events.clean("export-drift-" + i, MODEL + "-drift",
                        "gif", score, 5).getBytes(StandardCharsets.UTF_8), null);
            }
            kafka.flush();
            kafka.send(p + ".metrics", "detector", Events.batch("detector-service", MODEL, 20, 2));
            kafka.send(p + ".metrics", MODEL, Events.evaluation(MODEL, "v1", "sha-export",
                    Map.of("png", 0.01, "all", 0.01), Map.of("lsb.rgb", 0.9), 0.95, 50));
        }
        String[] wanted = {"starlight_monitor_throughput", "starlight_monitor_error_rate",
            "starlight_monitor_latency_p95_seconds", "starlight_monitor_stego_rate",
            "starlight_monitor_stego_rate_by_format", "starlight_monitor_decisions_total",
            "starlight_monitor_events_total", "starlight_monitor_drift_psi", "starlight_monitor_drift_psi_threshold",
            "starlight_monitor_fpr_canary", "starlight_monitor_alerts_firing", "kafka_consumer_fetch_manager_records_lag_max"};
        // waits on the served samples, not the text: a gauge's "# TYPE" line appears before its first sample does
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MetricsExport.write(
                given().when().get("/q/metrics").then().statusCode(200).extract().asString())).contains(wanted));
    }
}
