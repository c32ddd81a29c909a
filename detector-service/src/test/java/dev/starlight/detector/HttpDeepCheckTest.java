package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/scan?deep=true} on files made by the real steghide (default cipher): the full seed search finds
 * the embedding, and while a search runs a second deep request is refused with 429 DEEP_BUSY instead of queueing a
 * minute's work. The file's passphrase has an early seed, so the search that finds it ends within seconds; the
 * busy check uses a file whose seed the search reaches late.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpDeepCheckTest {
    private static final Path FIXTURES = Path.of("../starlight-core/src/test/resources/dev/starlight/core/search/steghide");

    @Test
    void deepScanFindsSteghideWithoutThePassphrase() throws Exception {
        byte[] early = Files.readAllBytes(FIXTURES.resolve("early-seed.jpg"));
        given().body(early).when().post("/v1/scan")
                .then().statusCode(200).body("verdict", equalTo("clean"));

        Response r = given().body(early).when().post("/v1/scan?deep=true").then().extract().response();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getString("verdict")).isEqualTo("stego");
        assertThat(r.jsonPath().getString("method")).isEqualTo("steghide");
        assertThat(r.jsonPath().getString("evidence.find { it.detector == 'steghide.seed' }.detail"))
                .contains("rijndael-128", "cbc", "seed 0x0062e161");
    }

    @Test
    void aSecondDeepScanWhileOneRunsIsRefusedWithDeepBusy() throws Exception {
        byte[] later = Files.readAllBytes(FIXTURES.resolve("later-seed.jpg"));
        given().body(later).when().post("/v1/scan").then().statusCode(200); // client and service warm
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                given().body(later).when().post("/v1/scan?deep=true").then().extract().response());
        Thread.sleep(1500); // the first request holds the only deep slot for several seconds

        given().body(later).when().post("/v1/scan?deep=true")
                .then().statusCode(429).header("Retry-After", "60").body("code", equalTo("DEEP_BUSY"));
        given().body(later).when().post("/v1/scan")
                .then().statusCode(200).body("verdict", equalTo("clean")); // the fast path is not held up
        assertThat(first.get().jsonPath().getString("method")).isEqualTo("steghide");
    }
}
