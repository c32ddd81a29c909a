package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.testsupport.HttpProbe;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import dev.starlight.testsupport.OpenApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The monitor's errors from the HTTP layer are the one error body too, and its OpenAPI document says so. */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class HttpErrorsAndOpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unknownPathsMethodsMediaTypesAndOversizeBodiesGetTheErrorBody() throws Exception {
        assertErrorBody(given().when().get("/v1/nope"), 404, "NOT_FOUND");
        assertErrorBody(given().when().delete("/v1/monitoring/alerts"), 405, "METHOD_NOT_ALLOWED");
        assertErrorBody(given().body("x").contentType("text/plain").when().post("/v1/monitoring/alerts/a:b/ack"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        HttpProbe http = new HttpProbe(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        HttpProbe.Answer tooLarge = http.announce("/v1/monitoring/alerts/a:b/ack", 64L * 1024 * 1024, "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(fields(tooLarge.body())).startsWith("code", "message");
        assertThat(JSON.readTree(tooLarge.body()).get("code").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void theOpenApiDocumentHasTheErrorBody() {
        OpenApiDocument doc = new OpenApiDocument(given().accept("application/json").when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        assertThat(doc.root().path("paths").fieldNames()).toIterable().contains("/v1/monitoring/alerts");
        assertThat(doc.root().path("components").path("schemas").path("ErrorBody").path("properties").fieldNames())
                .toIterable().containsExactly("code", "message");
    }

    private static void assertErrorBody(Response r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(fields(r.asString())).startsWith("code", "message");
        assertThat(JSON.readTree(r.asString()).get("code").asText()).isEqualTo(code);
    }

    private static List<String> fields(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
