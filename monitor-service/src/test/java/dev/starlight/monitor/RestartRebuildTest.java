package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelVerdict;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A monitor that starts on topics a previous instance (and the platform) already wrote: results five minutes old,
 * evaluations, an envelope and the previous instance's decisions, including an operator override. The new instance
 * has no other state, so everything it shows was rebuilt from the topics.
 */
@QuarkusTest
@WithTestResource(RestartRebuildTest.History.class)
class RestartRebuildTest {
    static final String PREFIX = "restart";

    /** Writes the history before the app starts. */
    public static class History implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String bootstrap = SharedKafkaBrokerResource.bootstrap(PREFIX);
            long fiveMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
            try (KafkaClients kafka = new KafkaClients(bootstrap)) {
                for (int i = 0; i < 50; i++) {
                    String id = "old-" + i;
                    String json = i < 10 ? Events.error(id, "r-v1", "png", "TRUNCATED", 8)
                            : i < 20 ? Events.stego(id, "r-v1", "gif", 0.9, "palette", 8)
                            : Events.clean(id, "r-v1", "png", 0.1, 8);
                    kafka.send(PREFIX + ".scan.results", id, json.getBytes(StandardCharsets.UTF_8), fiveMinutesAgo);
                }
                Map<String, Double> fpr = Map.of("all", 0.01);
                kafka.send(PREFIX + ".metrics", "r-model",
                        Events.evaluation("r-model", "v1", "sha-R", fpr, Map.of("alpha", 0.9), 0.95, 40));
                kafka.send(PREFIX + ".metrics", "r-model",
                        Events.evaluation("r-model", "v2", "sha-R", Map.of("all", 0.05), Map.of("alpha", 0.9), 0.95, 40));
                kafka.send(PREFIX + ".metrics", "r-model",
                        Events.evaluation("r-model", "v3", "sha-R", Map.of("all", 0.01), Map.of("alpha", 0.95), 0.96, 40));
                // what the previous instance decided: v1 champion, v2 rejected then approved by an operator
                decision(kafka, new ModelDecision(ModelDecision.TYPE, "r-model",
                        "v1", ModelVerdict.APPROVED, null, List.of(),
                        "first evaluated model of its name: champion", false, "v1", fiveMinutesAgo));
                decision(kafka, new ModelDecision(ModelDecision.TYPE, "r-model",
                        "v2", ModelVerdict.REJECTED, "v1",
                        List.of("fpr[all] rose"), "1 rule(s) broken", false, "v1", fiveMinutesAgo));
                decision(kafka, new ModelDecision(ModelDecision.TYPE, "r-model",
                        "v2", ModelVerdict.APPROVED, "v1",
                        List.of("fpr[all] rose"), "operator approved: known", true, "v2", fiveMinutesAgo));
                kafka.send(PREFIX + ".models", "r-model", ModelEnvelope.of("r-model", "v2",
                        Instant.parse("2026-11-01T00:00:00Z"), Map.of(), new byte[] {1, 2, 3}).toBytes(), null);
            }
            return Map.of("kafka.bootstrap.servers", bootstrap, "starlight.topic-prefix", PREFIX);
        }

        private static void decision(KafkaClients kafka, ModelDecision d) {
            kafka.send(PREFIX + ".models.decisions", d.model(), Events.json(d));
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void stateIsRebuiltFromTheTopicsAndOldDecisionsAreNotRepeated() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().queryParam("model", "r-v1")
                .get("/v1/monitoring/stats/15m").then().statusCode(200).body("count", equalTo(50)));
        given().queryParam("model", "r-v1").get("/v1/monitoring/stats/15m").then()
                .body("errors", equalTo(10)).body("stego", equalTo(10))
                .body("stegoRateByMethod.palette", equalTo(0.2f)).body("errorCodes.TRUNCATED", equalTo(10));
        given().queryParam("model", "r-v1").get("/v1/monitoring/stats/1m").then().body("count", equalTo(0));

        // v3 is judged against the champion the override made (v2), and only v3's decision is new
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/v1/monitoring/regressions/r-model")
                .then().body("find { it.version == 'v3' }.comparedWith", equalTo("v2")));
        given().get("/v1/monitoring/regressions/r-model").then()
                .body("find { it.version == 'v2' }.override", equalTo(true))
                .body("find { it.version == 'v3' }.verdict", equalTo("APPROVED"));
        given().get("/v1/monitoring/models").then()
                .body("champions.'r-model'", equalTo("v3"))
                .body("published[0].name", equalTo("r-model")).body("published[0].version", equalTo("v2"));
        given().get("/v1/monitoring/baselines/r-model/v1").then().statusCode(200)
                .body("evaluation.dataSha256", equalTo("sha-R"));
        try (KafkaClients kafka = KafkaClients.forApp()) {
            var decisions = kafka.read(PREFIX + ".models.decisions", 5, Duration.ofSeconds(4));
            assertThat(decisions).hasSize(4);
            assertThat(new String(decisions.get(3).value(), StandardCharsets.UTF_8)).contains("\"version\":\"v3\"");
        }
    }
}
