package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Scanner;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP gateway: same ScanResult as the core for the same bytes; 4xx with a stable code for bad input. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpScanTest {

    @Test
    void rawBodyScanFindsEveryProtocolMethod() {
        for (Method m : Method.values()) {
            given().body(TestImages.stego(m, 10 + m.ordinal())).contentType("application/octet-stream")
                    .when().post("/v1/scan")
                    .then().statusCode(200)
                    .body("verdict", equalTo("stego"))
                    .body("method", equalTo(m.label()))
                    .body("payload.text", equalTo(TestImages.MESSAGE));
        }
    }

    @Test
    void httpGivesTheSameResultAsTheCoreScannerForTheSameBytes() {
        byte[] image = TestImages.stego(Method.LSB_RGB, 21);
        String json = given().body(image).contentType("image/png").header("X-Request-Id", "same-1")
                .when().post("/v1/scan").then().statusCode(200).extract().asString();
        ScanResult http = ScanResultJson.read(json);
        ScanResult core = new Scanner().scan(new dev.starlight.core.scan.ScanRequest("same-1", null, image));
        assertThat(http).usingRecursiveComparison().ignoringFields("latencyMs").isEqualTo(core);
    }

    @Test
    void extractFalseOmitsThePayloadButKeepsTheVerdict() {
        given().body(TestImages.stego(Method.ALPHA, 31)).contentType("image/png")
                .when().post("/v1/scan?extract=false")
                .then().statusCode(200).body("verdict", equalTo("stego")).body("payload", equalTo(null));
    }

    @Test
    void multipartAndBatchGiveOneResultPerFile() {
        given().multiPart("file", "one.png", TestImages.stego(Method.RAW, 41), "image/png")
                .when().post("/v1/scan")
                .then().statusCode(200).body("source", equalTo("one.png")).body("method", equalTo("raw"));
        given().multiPart("a", "a.png", TestImages.cover(ImageFormat.PNG, 32, 1), "image/png")
                .multiPart("b", "b.gif", TestImages.stego(Method.PALETTE, 42), "image/gif")
                .multiPart("c", "c.txt", "not an image".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/v1/scan/batch")
                .then().statusCode(200).body("$", hasSize(3))
                .body("[0].verdict", equalTo("clean"))
                .body("[1].method", equalTo("palette"))
                .body("[2].error.code", equalTo("UNSUPPORTED_FORMAT"));
    }

    @Test
    void badInputGetsA4xxWithAStableCodeNeverA500() {
        given().body("plain text".getBytes(StandardCharsets.UTF_8)).contentType("application/octet-stream")
                .when().post("/v1/scan").then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_FORMAT"));
        given().body(new byte[0]).contentType("application/octet-stream")
                .when().post("/v1/scan").then().statusCode(422).body("error.code", equalTo("EMPTY_INPUT"));
        byte[] png = TestImages.cover(ImageFormat.PNG, 64, 5);
        given().body(java.util.Arrays.copyOf(png, 100)).contentType("image/png")
                .when().post("/v1/scan").then().statusCode(422).body("error.code", equalTo("TRUNCATED"));
    }

    @Test
    void bodyAboveTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        // announce 12 MiB and send none of it: the gateway must answer from the header alone
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/scan HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (12 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void extractEndpointReturnsTheMessageAutoOrForced() {
        byte[] image = TestImages.stego(Method.EXIF, 51);
        given().body(image).contentType("image/jpeg").when().post("/v1/extract")
                .then().statusCode(200).body("messages[0].method", equalTo("exif"))
                .body("messages[0].text", equalTo(TestImages.MESSAGE));
        given().body(image).contentType("image/jpeg").when().post("/v1/extract?method=raw")
                .then().statusCode(200).body("method", equalTo("raw")).body("messages", hasSize(0));
        given().body(image).contentType("image/jpeg").when().post("/v1/extract?method=nope")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_METHOD"));
    }

    @Test
    void modelsEndpointSaysTheCoreRulesDecideWhenNoModelIsLoaded() {
        given().when().get("/v1/models").then().statusCode(200)
                .body("rulesOnly", equalTo(true)).body("version", equalTo(Scanner.defaultVersion(FusionModel.shipped())));
    }

    @Test
    void openApiAndHealthAreServedAndTheScanPathIsWarmedBeforeReady() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.scans", equalTo(6));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
