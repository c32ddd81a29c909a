package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.PackagedAppKafkaBroker;
import dev.starlight.testsupport.PackagedAppRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link AggregationFlowTest}'s round trip against the packaged monitor: results in, the window's stats out. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedAppKafkaBroker.class, restrictToAnnotatedClass = true)
class AggregationFlowIT {
    private static final String MODEL = "it-v1";

    @Test
    void resultsOnTheResultsTopicAreAggregatedInTheLastMinute() throws Exception {
        for (int i = 1; i <= 10; i++) {
            String id = "it-" + i;
            String json = i == 10 ? Events.error(id, MODEL, "png", "TRUNCATED", i)
                    : i % 3 == 0 ? Events.stego(id, MODEL, "png", 0.9, "lsb.rgb", i)
                    : Events.clean(id, MODEL, "png", 0.1, i);
            PackagedAppRecords.send(Topics.DEFAULT.scanResults(), id, json.getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stats().getLong("count")).isEqualTo(10));
        JsonPath m1 = stats();
        assertThat(m1.getLong("errors")).isEqualTo(1);
        assertThat(m1.getLong("stego")).isEqualTo(3);
        assertThat(m1.getLong("errorCodes.TRUNCATED")).isEqualTo(1);
    }

    private static JsonPath stats() {
        return given().queryParam("model", MODEL).get("/v1/monitoring/stats/1m")
                .then().statusCode(200).extract().jsonPath();
    }
}
