package dev.starlight.monitor;

import dev.starlight.testsupport.SharedKafkaBrokerResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the monitor's OpenAPI document to target/openapi.json: docs/monitoring-api.md is generated from it. */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class OpenApiExportTest {

    @Test
    void exportsTheOpenApiDocument() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertThat(json).contains("/v1/monitoring/regressions/{name}");
        Path out = Path.of("target", "openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
    }
}
