package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelDecisionJson;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelFollower;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingListener;
import dev.starlight.trainer.TrainingResult;
import dev.starlight.trainer.TrainingRun;
import dev.starlight.trainer.publish.ModelPublisher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md, "Model rollback", step by step on real parts: two models trained with the trainer's tiny
 * preset and published as {@code bin/starlight train --publish} publishes them (envelope on {@code .models},
 * evaluation on {@code .metrics}), the monitor's gate deciding, the documented override call, and then the
 * decisions and envelopes on the topics followed as a detector with {@code require-approval} follows them
 * ({@link ModelFollower}, the detector's own logic), the served envelope loaded in ONNX Runtime. Then a model
 * published without an evaluation (which the monitor used to answer 404 {@code UNKNOWN_MODEL} for) is approved and
 * rolled back the same way. The gate's limits are loosened here: this test is about the rollback, not the rules.
 */
@QuarkusTest
@WithTestResource(RollbackProcedureTest.Broker.class)
class RollbackProcedureTest {
    static final String PREFIX = "rollback";
    static final String NAME = "rollback-model";

    public static class Broker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("kafka.bootstrap.servers", SharedKafkaBrokerResource.bootstrap(PREFIX),
                    "starlight.topic-prefix", PREFIX,
                    "starlight.monitor.regression.max-fpr-rise", "1",
                    "starlight.monitor.regression.max-tpr-drop", "1",
                    "starlight.monitor.regression.max-auc-drop", "1",
                    "starlight.monitor.regression.max-p95-latency-growth", "1000");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void theDocumentedOverrideRollsTheDetectorsBackToThePreviousModel() throws Exception {
        Path dir = Files.createTempDirectory("rollback");
        Path set = TinyTrainingSet.make(dir.resolve("set"), 16, 64);
        TrainingResult v1 = TrainingRun.run(TrainingConfig.tiny(set, dir.resolve("v1"))
                .withNameAndVersion(NAME, "1"), TrainingListener.NONE, "rollback test v1");
        TrainingResult v2 = TrainingRun.run(TrainingConfig.tiny(set, dir.resolve("v2"))
                .withNameAndVersion(NAME, "2"), TrainingListener.NONE, "rollback test v2");

        ModelPublisher.publish(KafkaClients.bootstrap(), PREFIX, v1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/v1/monitoring/models").then()
                .body("champions.'" + NAME + "'", equalTo("1")));
        ModelPublisher.publish(KafkaClients.bootstrap(), PREFIX, v2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/v1/monitoring/models").then()
                .body("champions.'" + NAME + "'", equalTo("2")));
        servesSoon("2");

        // the runbook: look, then reject the serving version
        given().get("/v1/monitoring/regressions/" + NAME).then().statusCode(200)
                .body("find { it.version == '2' }.verdict", equalTo("APPROVED"))
                .body("find { it.version == '2' }.champion", equalTo("2"));
        given().contentType(ContentType.JSON).body("{\"action\":\"reject\",\"reason\":\"FPR on jpeg doubled\"}")
                .post("/v1/monitoring/models/" + NAME + "/2/override").then().statusCode(200)
                .body("verdict", equalTo("REJECTED")).body("override", equalTo(true)).body("champion", equalTo("1"));
        servesSoon("1");
        assertThat(servedEnvelope().sha256()).isEqualTo(v1.envelope().sha256());

        // a model published with no evaluation (hand-made, or its evaluation lost): the monitor has seen it, so an
        // operator can decide on it; before, this answered 404 "was never evaluated"
        byte[] handMade = ModelEnvelope.of(NAME, "3", Instant.now(), Map.of(),
                LsbMeanModel.onnx(NAME, "3", 1f, -10f)).toBytes();
        try (KafkaClients kafka = KafkaClients.forApp()) {
            kafka.send(PREFIX + ".models", NAME, handMade, null);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/v1/monitoring/models").then()
                .body("published.version", hasItem("3")));
        given().contentType(ContentType.JSON).body("{\"action\":\"approve\",\"reason\":\"hand-tuned\"}")
                .post("/v1/monitoring/models/" + NAME + "/3/override").then().statusCode(200)
                .body("verdict", equalTo("APPROVED")).body("champion", equalTo("3"));
        servesSoon("3");
        given().contentType(ContentType.JSON).body("{\"action\":\"reject\",\"reason\":\"worse than 1\"}")
                .post("/v1/monitoring/models/" + NAME + "/3/override").then().statusCode(200)
                .body("champion", equalTo("1"));
        servesSoon("1");

        given().contentType(ContentType.JSON).body("{\"action\":\"approve\",\"reason\":\"x\"}")
                .post("/v1/monitoring/models/" + NAME + "/9/override").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_MODEL"));
    }

    private static void servesSoon(String version) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(served()).isEqualTo(version));
    }

    /** The version a detector with require-approval serves after reading both topics, loaded in ONNX Runtime. */
    private static String served() {
        try (OnnxModel model = OnnxModel.load(servedEnvelope().onnx())) {
            return model.info().version();
        }
    }

    private static ModelEnvelope servedEnvelope() {
        ModelFollower follower = new ModelFollower(null, true);
        ModelEnvelope[] serving = {null};
        for (ConsumerRecord<String, byte[]> r : KafkaClients.readAll(PREFIX + ".models")) {
            if (follower.onEnvelope(r.value()) instanceof ModelFollower.Serve s) {
                serving[0] = s.envelope();
            }
        }
        for (ConsumerRecord<String, byte[]> r : KafkaClients.readAll(PREFIX + ".models.decisions")) {
            ModelDecision d = ModelDecisionJson.read(r.value());
            if (follower.onDecision(d) instanceof ModelFollower.Serve s) {
                serving[0] = s.envelope();
            }
        }
        assertThat(serving[0]).as("a served envelope").isNotNull();
        return serving[0];
    }
}
