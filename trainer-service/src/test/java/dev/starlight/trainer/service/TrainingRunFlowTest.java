package dev.starlight.trainer.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.core.events.Topics;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TinyTrainingSet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run end to end: POST, poll to SUCCEEDED, the envelope on {@code starlight.models} loads in the core's
 * ONNX runner and predicts (as a detector would load it), its evaluation and progress on {@code starlight.metrics},
 * its card over HTTP. A second run posted meanwhile waits its turn and, with {@code publish: false}, publishes
 * nothing.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TrainingRunFlowTest {
    private static final String RUNS = "/v1/training/runs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aTinyRunPublishesAModelADetectorLoadsWithItsEvaluationAndProgress() throws Exception {
        Path set = TinyTrainingSet.create(dir, 16);
        ExtractableResponse<Response> posted = given().contentType(ContentType.JSON)
                .body(Map.of("preset", "tiny", "data", set.toString(), "version", "flow-1"))
                .when().post(RUNS).then().statusCode(202).body("status", equalTo("QUEUED")).extract();
        String id = posted.path("id");
        assertThat(id).matches("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}");
        assertThat(posted.<String>path("statusUrl")).isEqualTo(RUNS + "/" + id);
        assertThat(posted.header("Location")).endsWith(RUNS + "/" + id);
        String quiet = given().contentType(ContentType.JSON)
                .body(Map.of("preset", "tiny", "data", set.toString(), "name", "quiet", "version", "q-1",
                        "publish", false))
                .when().post(RUNS).then().statusCode(202).extract().path("id");
        given().get(RUNS + "/" + quiet).then().statusCode(200).body("status", equalTo("QUEUED"));
        given().get(RUNS).then().statusCode(200).body("[0].id", equalTo(quiet)).body("[1].id", equalTo(id));

        JsonPath run = awaitEnd(id);
        assertThat(run.getString("status")).as("run error: %s", run.getString("error.message"))
                .isEqualTo("SUCCEEDED");
        assertThat(run.getString("model.version")).isEqualTo("flow-1");
        assertThat(run.getString("model.sha256")).matches("[0-9a-f]{64}");
        assertThat(run.getBoolean("model.published")).isTrue();
        assertThat(run.getString("config.data")).isEqualTo(set.toString());
        assertThat(run.getString("progress.phase")).isEqualTo("DONE");
        assertThat(run.getString("metrics.evaluation.type")).isEqualTo("model.evaluation");
        String name = run.getString("model.name");

        ModelEnvelope envelope = latestEnvelope(name);
        assertThat(envelope.version()).isEqualTo("flow-1");
        assertThat(envelope.sha256()).isEqualTo(run.getString("model.sha256"));
        try (OnnxModel model = OnnxModel.load(envelope.onnx())) {
            ModelPrediction p = model.predict(ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.PNG, 64, 99L)));
            assertThat(p.stegoProbability()).isBetween(0.0, 1.0);
            assertThat(p.modelVersion()).isEqualTo("flow-1");
        }

        JsonNode evaluation = metricEvents(name).stream()
                .filter(e -> e.path("type").asText().equals("model.evaluation"))
                .filter(e -> e.path("version").asText().equals("flow-1")).findFirst().orElseThrow();
        assertThat(evaluation.path("model").asText()).isEqualTo(name);
        assertThat(evaluation.path("images").asInt()).isPositive();
        assertThat(evaluation.path("fprByFormat").has("all")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(metricEvents(name)).anySatisfy(e -> {
                    assertThat(e.path("type").asText()).isEqualTo("training.progress");
                    assertThat(e.path("run").asText()).isEqualTo(id);
                }));

        given().get(RUNS + "/" + id + "/card").then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("flow-1"));

        JsonPath second = awaitEnd(quiet);
        assertThat(second.getString("status")).as("run error: %s", second.getString("error.message"))
                .isEqualTo("SUCCEEDED");
        assertThat(second.getBoolean("model.published")).isFalse();
        assertThat(Instant.parse(second.getString("startedAt")))
                .isAfterOrEqualTo(Instant.parse(run.getString("finishedAt")));
        assertThat(KafkaClients.readAll(Topics.DEFAULT.models())).noneMatch(r -> "quiet".equals(r.key()));
        assertThat(metricEvents("quiet")).isEmpty();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("starlight_training_runs_total{status=\"succeeded\"}"));
    }

    private static JsonPath awaitEnd(String id) {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("SUCCEEDED", "FAILED").contains(given().get(RUNS + "/" + id).then().extract()
                        .<String>path("status")));
        return given().get(RUNS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static ModelEnvelope latestEnvelope(String name) {
        List<ConsumerRecord<String, byte[]>> records = KafkaClients.readAll(Topics.DEFAULT.models()).stream()
                .filter(r -> name.equals(r.key())).toList();
        assertThat(records).as("envelopes keyed %s", name).isNotEmpty();
        return ModelEnvelope.fromBytes(records.get(records.size() - 1).value());
    }

    private static List<JsonNode> metricEvents(String key) {
        return KafkaClients.readAll(Topics.DEFAULT.metrics()).stream().filter(r -> key.equals(r.key()))
                .map(r -> {
                    try {
                        return JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
