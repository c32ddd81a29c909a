package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.detector.http.OpenApiExamples;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.OpenApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector's OpenAPI document, from the running app: both body kinds, real schemas, every error status. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiDocumentTest {

    private static OpenApiDocument document() {
        return new OpenApiDocument(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationHasBodySchemasAndErrorResponses() {
        OpenApiDocument doc = document();
        assertThat(doc.root().path("paths").fieldNames()).toIterable()
                .contains("/v1/scan", "/v1/scan/batch", "/v1/extract", "/v1/models");
        assertThat(doc.gaps()).isEmpty();
    }

    @Test
    void scanTakesARawOrAMultipartBodyWithExamples() {
        JsonNode content = document().operation("/v1/scan", "post").path("requestBody").path("content");
        assertThat(content.path("application/octet-stream").path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(content.path("application/octet-stream").path("examples").isEmpty()).isFalse();
        OpenApiDocument doc = document();
        assertThat(doc.resolve(content.path("multipart/form-data").path("schema")).path("properties").path("file")
                .path("format").asText()).isEqualTo("binary");
        assertThat(content.path("multipart/form-data").path("examples").isEmpty()).isFalse();
    }

    @Test
    void scanAnswersAScanResultOrTheErrorBodyAtEveryErrorStatus() {
        OpenApiDocument doc = document();
        assertThat(doc.responseSchema("/v1/scan", "post", "200").path("properties").fieldNames()).toIterable()
                .contains("requestId", "verdict", "stegoProbability", "method", "payload", "evidence", "error");
        JsonNode errorBody = doc.root().path("components").path("schemas").path("ErrorBody");
        assertThat(errorBody.path("properties").fieldNames()).toIterable().containsExactly("code", "message");
        for (String status : List.of("400", "401", "413", "415", "422", "429", "500", "503")) {
            JsonNode schema = doc.responseSchema("/v1/scan", "post", status);
            List<String> refs = new ArrayList<>();
            schema.findValues("$ref").forEach(r -> refs.add(r.asText()));
            assertThat(schema == errorBody || refs.contains("#/components/schemas/ErrorBody")
                    || schema.equals(errorBody)).as("status %s: %s", status, schema).isTrue();
        }
        assertThat(doc.responseSchema("/v1/scan", "post", "413").path("allOf").toString()).contains("ScanResult");
    }

    @Test
    void theExamplesReadAsScanResultsWithTheirCodeFirst() {
        assertThat(ScanResultJson.read(OpenApiExamples.STEGO_RESULT).verdict().name()).isEqualTo("STEGO");
        for (String example : List.of(OpenApiExamples.TOO_LARGE, OpenApiExamples.UNSUPPORTED_FORMAT,
                OpenApiExamples.TRUNCATED, OpenApiExamples.TIMEOUT)) {
            ScanResult result = ScanResultJson.read(example);
            assertThat(example).startsWith("{\"code\":\"" + result.error().code() + "\",\"message\":\""
                    + result.error().message() + "\"");
        }
    }
}
