package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With auth on, /v1 needs a key whose SHA-256 is configured; health and metrics stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.AuthOn.class)
@WithTestResource(KafkaBrokerResource.class)
class ApiKeyTest {
    static final String KEY = "test-key-7f3a";

    public static class AuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.api.auth-enabled", "true",
                    "starlight.detector.api.key-sha256", sha256(KEY) + "," + sha256("another-key"));
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
    void healthAndMetricsNeedNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
