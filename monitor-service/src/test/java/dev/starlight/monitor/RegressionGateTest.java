package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Champion/challenger on evaluation events from the trainer, decisions on the decisions topic, operator override. */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class RegressionGateTest {
    private static final String NAME = "gate-model";

    private static JsonPath decision(String version) {
        return given().get("/v1/monitoring/regressions/" + NAME).then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.version == '" + version + "' }");
    }

    @Test
    void rejectsAWorseModelApprovesABetterOneAndRefusesOtherData() {
        String p = KafkaClients.prefix();
        try (KafkaClients kafka = KafkaClients.forApp()) {
            kafka.send(p + ".metrics", NAME, Events.evaluation(NAME, "v1", "sha-A",
                    Map.of("png", 0.010, "all", 0.010), Map.of("lsb.rgb/lsb-first", 0.90, "palette", 0.80),
                    0.950, 50));
            await().atMost(Duration.ofSeconds(15)).until(() -> decision("v1").getString("verdict") != null);
            // worse: FPR +1 point on png, palette TPR -10 points, AUC -0.02, p95 +40%
            kafka.send(p + ".metrics", NAME, Events.evaluation(NAME, "v2", "sha-A",
                    Map.of("png", 0.020, "all", 0.0105), Map.of("lsb.rgb/lsb-first", 0.905, "palette", 0.70),
                    0.930, 70));
            // better everywhere, latency +4%
            kafka.send(p + ".metrics", NAME, Events.evaluation(NAME, "v3", "sha-A",
                    Map.of("png", 0.008, "all", 0.008), Map.of("lsb.rgb/lsb-first", 0.92, "palette", 0.81),
                    0.960, 52));
            // evaluated on other data
            kafka.send(p + ".metrics", NAME, Events.evaluation(NAME, "v4", "sha-B",
                    Map.of("png", 0.001, "all", 0.001), Map.of("lsb.rgb/lsb-first", 0.99, "palette", 0.99),
                    0.999, 10));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> decision("v4").getString("verdict") != null);

        JsonPath v1 = decision("v1");
        assertThat(v1.getString("verdict")).isEqualTo("APPROVED");
        assertThat(v1.getString("champion")).isEqualTo("v1");
        assertThat(v1.getString("comparedWith")).isNull();

        JsonPath v2 = decision("v2");
        assertThat(v2.getString("verdict")).isEqualTo("REJECTED");
        assertThat(v2.getString("comparedWith")).isEqualTo("v1");
        assertThat(v2.getString("champion")).isEqualTo("v1");
        assertThat(v2.getList("brokenRules", String.class)).containsExactly(
                "fpr[png] rose 0.0100 -> 0.0200 (+0.0100 > 0.0010)",
                "tpr[palette] fell 0.8000 -> 0.7000 (-0.1000 > 0.0100)",
                "auc fell 0.9500 -> 0.9300 (-0.0200 > 0.0050)",
                "p95 latency grew 50.0 ms -> 70.0 ms (+40% > 20%)");

        JsonPath v3 = decision("v3");
        assertThat(v3.getString("verdict")).isEqualTo("APPROVED");
        assertThat(v3.getString("comparedWith")).isEqualTo("v1");
        assertThat(v3.getList("brokenRules")).isEmpty();
        assertThat(v3.getString("champion")).isEqualTo("v3");

        JsonPath v4 = decision("v4");
        assertThat(v4.getString("verdict")).isEqualTo("INCOMPARABLE");
        assertThat(v4.getString("reason")).contains("sha-B").contains("sha-A");
        assertThat(v4.getString("champion")).isEqualTo("v3");

        given().get("/v1/monitoring/models").then().statusCode(200).body("champions.'gate-model'", equalTo("v3"));
        given().get("/v1/monitoring/baselines/" + NAME + "/v1").then().statusCode(200)
                .body("evaluation.auc", equalTo(0.95f)).body("evaluation.fprByFormat.png", equalTo(0.01f))
                .body("evaluation.dataSha256", equalTo("sha-A")).body("champion", equalTo(false));
        given().get("/v1/monitoring/baselines/" + NAME + "/v3").then().statusCode(200).body("champion", equalTo(true));
        given().get("/v1/monitoring/baselines/" + NAME + "/v9").then().statusCode(404);

        // published, in order, keyed by model name
        try (KafkaClients kafka = KafkaClients.forApp()) {
            List<ConsumerRecord<String, byte[]>> published = kafka.read(p + ".models.decisions", 4,
                    Duration.ofSeconds(10)).stream().filter(r -> NAME.equals(r.key())).toList();
            assertThat(published).hasSize(4);
            assertThat(published.stream().map(r -> new JsonPath(new String(r.value(), StandardCharsets.UTF_8))
                    .getString("verdict")).toList()).containsExactly("APPROVED", "REJECTED", "APPROVED", "INCOMPARABLE");
            assertThat(new JsonPath(new String(published.get(1).value(), StandardCharsets.UTF_8))
                    .getString("type")).isEqualTo("model.decision");
        }

        // the rejection raises an alert; an operator approval overrides it, makes v2 champion and resolves the alert
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/v1/monitoring/alerts?state=firing")
                .then().body("find { it.id == 'regression-rejected:gate-model/v2' }.severity", equalTo("WARNING")));
        given().contentType(ContentType.JSON).body("{\"action\":\"promote\",\"reason\":\"x\"}")
                .post("/v1/monitoring/models/gate-model/v2/override").then().statusCode(400)
                .body("code", equalTo("BAD_ACTION"));
        given().contentType(ContentType.JSON).body("{\"action\":\"approve\"}")
                .post("/v1/monitoring/models/gate-model/v2/override").then().statusCode(400)
                .body("code", equalTo("NO_REASON"));
        given().contentType(ContentType.JSON).body("{\"action\":\"approve\",\"reason\":\"r\"}")
                .post("/v1/monitoring/models/gate-model/v99/override").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"action\":\"approve\",\"reason\":\"palette fix outweighs\"}")
                .post("/v1/monitoring/models/gate-model/v2/override").then().statusCode(200)
                .body("verdict", equalTo("APPROVED")).body("override", equalTo(true))
                .body("champion", equalTo("v2")).body("reason", equalTo("operator approved: palette fix outweighs"));
        given().get("/v1/monitoring/models").then().body("champions.'gate-model'", equalTo("v2"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/v1/monitoring/alerts")
                .then().body("find { it.id == 'regression-rejected:gate-model/v2' }.state", equalTo("RESOLVED")));
        // rejecting the champion hands the name back to the previous one
        given().contentType(ContentType.JSON).body("{\"action\":\"reject\",\"reason\":\"canary FPR too high\"}")
                .post("/v1/monitoring/models/gate-model/v2/override").then().statusCode(200)
                .body("verdict", equalTo("REJECTED")).body("champion", equalTo("v3"));
    }
}
