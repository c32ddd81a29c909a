package dev.starlight.trainer.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.testsupport.PackagedAppKafkaBroker;
import dev.starlight.testsupport.PackagedAppRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrainingRunFlowTest}'s round trip against the packaged trainer: a tiny run posted over HTTP ends with its
 * envelope on {@code starlight.models}.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TrainingRunFlowIT.Broker.class, restrictToAnnotatedClass = true)
class TrainingRunFlowIT {
    private static final String RUNS = "/v1/training/runs";

    /** The broker, and a work folder for the packaged trainer inside the build. */
    public static class Broker extends PackagedAppKafkaBroker {
        @Override
        protected Map<String, String> settings() {
            return Map.of("starlight.trainer.work-dir",
                    Path.of("target", "it-trainer-runs").toAbsolutePath().toString());
        }
    }

    @TempDir
    Path dir;

    @Test
    void aTinyRunPostedOverHttpPublishesItsModel() throws Exception {
        Path set = TinyTrainingSet.create(dir, 16);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("preset", "tiny", "data", set.toString(), "version", "it-1"))
                .when().post(RUNS).then().statusCode(202).extract().path("id");

        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("SUCCEEDED", "FAILED").contains(given().get(RUNS + "/" + id).then().extract()
                        .<String>path("status")));
        JsonPath run = given().get(RUNS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).as("run error: %s", run.getString("error.message"))
                .isEqualTo("SUCCEEDED");

        byte[] envelope = PackagedAppRecords.awaitBytes(Topics.DEFAULT.models(), run.getString("model.name"),
                Duration.ofSeconds(30));
        assertThat(ModelEnvelope.fromBytes(envelope).version()).isEqualTo("it-1");
    }
}
