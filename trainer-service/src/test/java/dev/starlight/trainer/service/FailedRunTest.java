package dev.starlight.trainer.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TinyTrainingSet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run the library cannot train (a set with no images) ends FAILED with its reason, and the executor goes on. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class FailedRunTest {
    private static final String RUNS = "/v1/training/runs";

    @TempDir
    Path dir;

    @Test
    void aSetWithNoImagesFailsWithTheLibrarysReason() throws Exception {
        TinyTrainingSet.emptyShape(dir);
        String id = given().contentType(ContentType.JSON).body(Map.of("preset", "tiny", "data", dir.toString()))
                .when().post(RUNS).then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().path("id");

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                "FAILED".equals(given().get(RUNS + "/" + id).then().extract().path("status")));

        given().get(RUNS + "/" + id).then().statusCode(200)
                .body("error.code", equalTo("TRAINING_FAILED"))
                .body("error.message", notNullValue())
                .body("progress.phase", equalTo("FAILED"))
                .body("model", nullValue())
                .body("finishedAt", notNullValue());
        given().get(RUNS + "/" + id + "/card").then().statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo("CARD_NOT_FOUND"))
                .body("message", equalTo("run " + id + " has no model card (status FAILED)"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
