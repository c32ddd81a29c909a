package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.testsupport.KafkaClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Error-rate and latency alerts fire and resolve on real results, are acknowledged over REST, and every change is
 * POSTed to a real local HTTP server with an HMAC-SHA256 signature the receiver verifies.
 */
@QuarkusTest
@WithTestResource(WebhookReceiver.class)
class AlertWebhookTest {

    private static List<WebhookReceiver.Call> calls(String event, String alertId) {
        return WebhookReceiver.CALLS.stream().filter(c -> event.equals(c.event()))
                .filter(c -> alertId.equals(new JsonPath(new String(c.body(), StandardCharsets.UTF_8)).getString("id")))
                .toList();
    }

    private static boolean signatureValid(WebhookReceiver.Call call) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WebhookReceiver.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(call.body()));
        return expected.equals(call.signature());
    }

    @Test
    void alertsFireResolveAreAcknowledgedAndSignedWebhooksArrive() throws Exception {
        String topic = WebhookReceiver.PREFIX + ".scan.results";
        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (int i = 0; i < 25; i++) {
                kafka.sendAsync(topic, "e" + i, Events.error("e" + i, "hook-v1", "png", "TRUNCATED", 3));
            }
            kafka.flush();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !calls("alert.firing", "error-rate:1m").isEmpty());
        WebhookReceiver.Call fired = calls("alert.firing", "error-rate:1m").get(0);
        assertThat(signatureValid(fired)).isTrue();
        JsonPath body = new JsonPath(new String(fired.body(), StandardCharsets.UTF_8));
        assertThat(body.getString("rule")).isEqualTo("error-rate");
        assertThat(body.getString("severity")).isEqualTo("CRITICAL");
        assertThat(body.getString("state")).isEqualTo("FIRING");
        assertThat(body.getDouble("value")).isEqualTo(1.0);
        assertThat(body.getDouble("threshold")).isEqualTo(0.05);
        // a body changed in transit no longer matches its signature
        byte[] tampered = fired.body().clone();
        tampered[tampered.length - 2] ^= 1;
        assertThat(signatureValid(new WebhookReceiver.Call(fired.event(), fired.signature(), tampered))).isFalse();

        given().contentType(ContentType.JSON).body("{\"by\":\"alice\",\"note\":\"looking\"}")
                .post("/v1/monitoring/alerts/error-rate:1m/ack").then().statusCode(200)
                .body("acknowledged", equalTo(true)).body("acknowledgedBy", equalTo("alice"))
                .body("note", equalTo("looking")).body("state", equalTo("FIRING"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/monitoring/alerts/no-such:alert/ack").then()
                .statusCode(404);

        // 500 slow clean results: the error rate falls to 25/525 < 5% (resolves), the p95 latency rises to 3 s
        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (int i = 0; i < 500; i++) {
                kafka.sendAsync(topic, "c" + i, Events.clean("c" + i, "hook-v1", "png", 0.1, 3000));
            }
            kafka.flush();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !calls("alert.resolved", "error-rate:1m").isEmpty()
                && !calls("alert.firing", "latency-p95:1m").isEmpty());
        assertThat(signatureValid(calls("alert.resolved", "error-rate:1m").get(0))).isTrue();
        assertThat(signatureValid(calls("alert.firing", "latency-p95:1m").get(0))).isTrue();
        given().get("/v1/monitoring/alerts").then().statusCode(200)
                .body("find { it.id == 'error-rate:1m' }.state", equalTo("RESOLVED"))
                .body("find { it.id == 'error-rate:1m' }.acknowledged", equalTo(true))
                .body("find { it.id == 'latency-p95:1m' }.state", equalTo("FIRING"))
                .body("find { it.id == 'latency-p95:1m' }.severity", equalTo("WARNING"));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString(
                "starlight_monitor_alerts_firing{rule=\"latency-p95\"} 1.0"));
    }
}
