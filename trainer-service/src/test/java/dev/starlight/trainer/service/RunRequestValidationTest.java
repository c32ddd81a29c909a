package dev.starlight.trainer.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TinyTrainingSet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API refuses, with which code, and that a refused request queues nothing. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class RunRequestValidationTest {
    private static final String RUNS = "/v1/training/runs";

    @TempDir
    Path dir;

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(RUNS).then();
    }

    private static void refused(ValidatableResponse response, int status, String code, String message) {
        response.statusCode(status).contentType(ContentType.JSON).body("code", equalTo(code))
                .body("message", equalTo(message));
    }

    @Test
    void anUnknownPresetIsRefused() {
        refused(post(Map.of("preset", "huge", "data", dir.toString())), 400, "UNKNOWN_PRESET",
                "unknown preset 'huge'; presets are tiny and default");
    }

    @Test
    void aMissingDataFolderIsRefused() {
        Path missing = dir.resolve("nowhere");
        refused(post(Map.of("preset", "tiny", "data", missing.toString())), 400, "DATA_NOT_FOUND",
                "no folder at " + missing);
    }

    @Test
    void aFolderWithoutTheThreeSplitsIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("train"));
        refused(post(Map.of("data", dir.toString())), 400, "DATA_NOT_FOUND", dir + " is not a training set: it has"
                + " no validation/ folder (make one with starlight dataset --training)");
    }

    @Test
    void anUnknownStreamIsRefused() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        refused(post(Map.of("preset", "tiny", "data", dir.toString(), "streams", List.of("pixels", "colour"))),
                400, "UNKNOWN_STREAM", "unknown stream 'colour'; streams are [pixels, lsb, alpha, palette, meta, stats, transparency, palette_pairs, tile_stats]");
    }

    @Test
    void anEmptyStreamListIsRefused() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        refused(post(Map.of("data", dir.toString(), "streams", List.of())), 400, "BAD_REQUEST",
                "streams, when given, must name at least one of [pixels, lsb, alpha, palette, meta, stats, transparency, palette_pairs, tile_stats]");
    }

    @Test
    void dataIsRequired() {
        refused(post(Map.of("preset", "tiny")), 400, "BAD_REQUEST", "data is required: the path of a training set");
    }

    @Test
    void zeroEpochsAreRefusedWithTheLibrarysReason() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        refused(post(Map.of("preset", "tiny", "data", dir.toString(), "epochs", 0)), 400, "BAD_REQUEST",
                "tiles per image, epochs and threads must be >= 1, batch >= 2");
    }

    @Test
    void aNameThatCouldLeaveItsFolderIsRefused() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        refused(post(Map.of("data", dir.toString(), "name", "../x")), 400, "BAD_REQUEST",
                "name must be 1-100 letters, digits, '.', '_', '+' or '-', starting with a letter or digit: '../x'");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        post("{\"data\": ").statusCode(400).contentType(ContentType.JSON).body("code", equalTo("BAD_REQUEST"))
                .body("message", startsWith("the body is not a run request: "));
    }

    @Test
    void aMisspeltFieldIsABadRequest() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        post(Map.of("data", dir.toString(), "epoch", 2)).statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("BAD_REQUEST")).body("message", containsString("\"epoch\""));
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequest() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        post(Map.of("data", dir.toString(), "epochs", "three")).statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("BAD_REQUEST")).body("message", startsWith("the body is not a run request: "));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        refused(given().contentType(ContentType.JSON).when().post(RUNS).then(), 400, "BAD_REQUEST",
                "a JSON body is required, e.g. {\"data\": \"/path/to/set\"}");
    }

    @Test
    void refusedRequestsQueueNothing() {
        int before = given().get(RUNS).then().statusCode(200).extract().jsonPath().getList("$").size();
        post(Map.of("preset", "huge", "data", dir.toString())).statusCode(400);
        post(Map.of("data", dir.resolve("nowhere").toString())).statusCode(400);
        given().get(RUNS).then().statusCode(200).body("size()", equalTo(before));
    }

    @Test
    void anUnknownRunIsA404WithACode() {
        refused(given().get(RUNS + "/no-such-run").then(), 404, "RUN_NOT_FOUND", "no run no-such-run");
        refused(given().get(RUNS + "/no-such-run/card").then(), 404, "RUN_NOT_FOUND", "no run no-such-run");
    }

    @Test
    void readinessSaysTheExecutorTakesRuns() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("training-executor"));
    }

    @Test
    void prometheusHasTheTrainingMeters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("starlight_training_runs_total{status=\"succeeded\"}"))
                .body(containsString("starlight_training_runs_total{status=\"failed\"}"))
                .body(containsString("starlight_training_running "))
                .body(containsString("starlight_training_last_tiles_per_second "));
    }
}
