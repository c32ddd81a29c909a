package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With auth on, /v1 needs a key whose SHA-256 is configured (in the config list or the keys file, which is re-read
 * while the service runs); each key name has its own rate limit; health and metrics stay open.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.AuthOn.class)
@WithTestResource(KafkaBrokerResource.class)
class ApiKeyTest {
    static final String KEY = "test-key-7f3a";
    static final String FILE_KEY = "ci-key-91c2e4";
    static final String LIMITED_KEY = "limited-key-0d77";
    static final Path KEYS_FILE = Path.of("target", "api-keys-test", "keys.txt");
    static final String KEYS = "# test keys\nci:" + sha256(FILE_KEY) + "\nlimited:" + sha256(LIMITED_KEY)
            + "  # three at once, then one per 10 s\n";

    public static class AuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write(KEYS);
            return Map.of("starlight.detector.api.auth-enabled", "true",
                    "starlight.detector.api.key-sha256", sha256(KEY) + "," + sha256("another-key"),
                    "starlight.detector.api.keys-file", KEYS_FILE.toAbsolutePath().toString(),
                    "starlight.detector.api.keys-file-check", "100ms",
                    "starlight.detector.api.rate-limit.enabled", "true",
                    "starlight.detector.api.rate-limit.per-second-by-key.limited", "0.1",
                    "starlight.detector.api.rate-limit.burst-by-key.limited", "3");
        }
    }

    @Test
    void requestWithoutKeyIsRefusedWith401() {
        given().when().get("/v1/models").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void requestWithAWrongKeyIsRefused() {
        given().header("X-API-Key", "wrong").when().get("/v1/models").then().statusCode(401);
    }

    @Test
    void requestWithAConfiguredKeyIsServed() {
        given().header("X-API-Key", KEY).when().get("/v1/models").then().statusCode(200);
        given().header("X-API-Key", "another-key").when().get("/v1/models").then().statusCode(200);
    }

    @Test
    void requestWithAKeyFromTheKeysFileIsServed() {
        given().header("X-API-Key", FILE_KEY).when().get("/v1/models").then().statusCode(200);
    }

    @Test
    void keysRotateThroughTheKeysFileWithoutARestart() {
        try {
            write(KEYS + "rotated:" + sha256("rotated-key-55aa") + "\n");
            awaitStatus("rotated-key-55aa", 200);
            write("rotated:" + sha256("rotated-key-55aa") + "\n");
            awaitStatus(FILE_KEY, 401);
            given().header("X-API-Key", "rotated-key-55aa").when().get("/v1/models").then().statusCode(200);
            given().header("X-API-Key", KEY).when().get("/v1/models").then().statusCode(200);
        } finally {
            write(KEYS);
            awaitStatus(FILE_KEY, 200);
        }
        awaitStatus("rotated-key-55aa", 401);
    }

    @Test
    void aBrokenKeysFileKeepsThePreviousKeysAndItsWarningHoldsNoKey() {
        String pastedInTheClear = "pasted-in-the-clear-6d0b";
        try (LogCapture logs = LogCapture.start()) {
            write(KEYS + "new:" + pastedInTheClear + "\n");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logs.text().contains("not applied"));
            given().header("X-API-Key", FILE_KEY).when().get("/v1/models").then().statusCode(200);
            given().header("X-API-Key", pastedInTheClear).when().get("/v1/models").then().statusCode(401);
            assertThat(logs.text()).contains("line 4 is not name:sha256hex").doesNotContain(pastedInTheClear);
        } finally {
            write(KEYS);
        }
    }

    @Test
    void aKeyAboveItsRateIsRefusedWith429RetryAfterAndACountedStableCode() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", LIMITED_KEY).when().get("/v1/models").then().statusCode(200);
        }
        given().header("X-API-Key", LIMITED_KEY).when().get("/v1/models").then().statusCode(429)
                .header("Retry-After", equalTo("10"))
                .body("code", equalTo("RATE_LIMITED"))
                .body("message", startsWith("request rate above this key's limit"));
        // other keys have their own buckets
        given().header("X-API-Key", KEY).when().get("/v1/models").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("starlight_http_rate_limited_total{key=\"limited\"} 1.0")
                .doesNotContain(LIMITED_KEY);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    private static void awaitStatus(String key, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("X-API-Key", key).when().get("/v1/models").then().statusCode(status));
    }

    static void write(String keys) {
        try {
            Files.createDirectories(KEYS_FILE.getParent());
            Path tmp = KEYS_FILE.resolveSibling("keys.tmp");
            Files.writeString(tmp, keys);
            Files.move(tmp, KEYS_FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
