package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.protocol.Method;
import dev.starlight.testsupport.HttpProbe;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The image is the raw body whatever the Content-Type, or the multipart field {@code file}; every 4xx and 5xx, the
 * HTTP layer's own included, is one JSON shape: {@code code} and {@code message} first, the ScanResult after them
 * where a scan ran.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpBodiesAndErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 11L * 1024 * 1024; // quarkus.http.limits.max-body-size

    private final HttpProbe http = new HttpProbe(
            ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));

    @Test
    void aRawBodyIsScannedWithAnyOrNoContentType() throws Exception {
        byte[] image = TestImages.stego(Method.LSB_RGB, 71);
        for (String type : Arrays.asList(null, "application/octet-stream", "image/png", "text/plain",
                "application/x-www-form-urlencoded", "application/json")) {
            HttpProbe.Answer answer = http.post("/v1/scan", image, type);
            assertThat(answer.status()).as("Content-Type %s", type).isEqualTo(200);
            JsonNode result = JSON.readTree(answer.body());
            assertThat(result.get("verdict").asText()).as("Content-Type %s", type).isEqualTo("stego");
            assertThat(result.get("payload").get("text").asText()).isEqualTo(TestImages.MESSAGE);
        }
        HttpProbe.Answer chunked = http.chunked("/v1/scan", image, "image/png");
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(200);
        assertThat(JSON.readTree(chunked.body()).get("verdict").asText()).isEqualTo("stego");
    }

    @Test
    void aMultipartBodyWithoutTheFileFieldIs400MissingFile() throws Exception {
        Response r = given().multiPart("image", "a.png", TestImages.stego(Method.ALPHA, 72), "image/png")
                .when().post("/v1/scan");
        assertErrorBody(r.statusCode(), r.contentType(), r.asString(), 400, "MISSING_FILE");
    }

    @Test
    void anImageAboveTheImageLimitIs413WithTheScanResult() throws Exception {
        byte[] body = Arrays.copyOf(TestImages.stego(Method.RAW, 73), 10_900_000); // under the body limit
        HttpProbe.Answer answer = http.post("/v1/scan", body, "image/png");
        JsonNode json = assertErrorBody(answer, 413, "TOO_LARGE");
        assertThat(json.get("verdict").asText()).isEqualTo("error");
        assertThat(json.get("error").get("code").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void aBodyAboveTheBodyLimitIs413InTheSameShapeAtEverySize() throws Exception {
        for (long size : new long[] {LIMIT + 1, 12L * 1024 * 1024, 100L * 1024 * 1024}) {
            for (String type : List.of("image/png", "multipart/form-data; boundary=x")) {
                HttpProbe.Answer answer = http.announce("/v1/scan", size, type);
                JsonNode json = assertErrorBody(answer, 413, "TOO_LARGE");
                assertThat(json.get("message").asText()).contains(Long.toString(LIMIT));
            }
        }
        assertErrorBody(http.chunked("/v1/scan", 12L * 1024 * 1024, "image/png"), 413, "TOO_LARGE");
    }

    @Test
    void unknownPathsMethodsAndMediaTypesGetTheErrorBody() throws Exception {
        List<Response> answers = new ArrayList<>();
        answers.add(given().when().get("/v1/nope"));
        answers.add(given().when().get("/nope"));
        answers.add(given().when().get("/v1/scan"));
        answers.add(given().body(new byte[] {1}).contentType("image/png").when().post("/v1/scan/batch"));
        int[] statuses = {404, 404, 405, 415};
        String[] codes = {"NOT_FOUND", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE"};
        for (int i = 0; i < statuses.length; i++) {
            Response r = answers.get(i);
            assertErrorBody(r.statusCode(), r.contentType(), r.asString(), statuses[i], codes[i]);
        }
    }

    private static JsonNode assertErrorBody(HttpProbe.Answer a, int status, String code) throws Exception {
        return assertErrorBody(a.status(), a.contentType(), a.body(), status, code);
    }

    /** The one error shape: JSON whose first two fields are the code and a non-empty message. */
    static JsonNode assertErrorBody(int actualStatus, String contentType, String body, int status, String code)
            throws Exception {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("application/json");
        JsonNode json = JSON.readTree(body);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(body).startsWith("code", "message");
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).isNotBlank();
        return json;
    }
}
