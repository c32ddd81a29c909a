package dev.starlight.explain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.OpenApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explainer's OpenAPI document, from the running app: both body kinds, real schemas, every error status. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesBothBodyKindsTheExplanationAndEveryError() {
        OpenApiDocument doc = new OpenApiDocument(given().accept("application/json").when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());

        assertThat(doc.root().path("paths").fieldNames()).toIterable()
                .contains("/v1/explain", "/v1/explain/{id}", "/v1/explain/{id}/heatmap.png", "/v1/explain/model");
        assertThat(doc.gaps()).isEmpty();

        JsonNode content = doc.operation("/v1/explain", "post").path("requestBody").path("content");
        assertThat(content.path("application/octet-stream").path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(doc.resolve(content.path("multipart/form-data").path("schema")).path("properties").path("file")
                .path("format").asText()).isEqualTo("binary");
        assertThat(content.path("application/octet-stream").path("examples").isEmpty()).isFalse();
        assertThat(content.path("multipart/form-data").path("examples").isEmpty()).isFalse();

        assertThat(doc.responseSchema("/v1/explain", "post", "200").path("properties").fieldNames()).toIterable()
                .contains("requestId", "summary", "scan", "fired", "messages", "saliency", "error");
        assertThat(doc.root().path("components").path("schemas").path("ErrorBody").path("properties").fieldNames())
                .toIterable().containsExactly("code", "message");
        for (String status : List.of("400", "413", "415", "422", "500")) {
            assertThat(doc.operation("/v1/explain", "post").path("responses").path(status).toString())
                    .as("status %s", status).contains("#/components/schemas/ErrorBody");
        }
        assertThat(doc.operation("/v1/explain/{id}", "get").path("responses").path("404").toString())
                .contains("#/components/schemas/ErrorBody");
    }
}
