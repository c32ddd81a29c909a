package dev.starlight.trainer.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.MetricsExport;
import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Exports the metric names the trainer serves (its gauges exist from start-up). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class MetricsExportTest {

    @Test
    void exportsTheMetricNamesItServes() throws Exception {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(MetricsExport.write(body)).contains("starlight_training_running");
    }
}
