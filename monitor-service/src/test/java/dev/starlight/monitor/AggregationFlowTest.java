package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real results, metric events and envelopes through the embedded broker; every aggregate asserted. */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class AggregationFlowTest {
    private static final String MODEL = "agg-v1";

    private static JsonPath stats(String window, String model) {
        return given().queryParam("model", model).get("/v1/monitoring/stats/" + window)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long count(String topic, String kind) {
        Map<String, Map<String, Integer>> all = given().get("/v1/monitoring/ingest").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Integer> kinds = all.getOrDefault(topic, Map.of());
        return kinds.getOrDefault(kind, 0);
    }

    @Test
    void resultsAreAggregatedPerWindowAndModel() {
        String p = KafkaClients.prefix();
        long now = System.currentTimeMillis();
        try (KafkaClients kafka = KafkaClients.forApp()) {
            // 100 results now: 10 errors (TRUNCATED), 10 stego (7 lsb.rgb, 3 palette), 80 clean; latency i ms
            for (int i = 1; i <= 100; i++) {
                String format = i % 4 == 0 ? "gif" : i % 4 == 1 ? "jpeg" : "png";
                String id = "agg-" + i;
                String json = i % 10 == 0 ? Events.error(id, MODEL, format, "TRUNCATED", i)
                        : i % 5 == 0 ? Events.stego(id, MODEL, format, 0.9, i % 3 == 0 ? "palette" : "lsb.rgb", i)
                        : Events.clean(id, MODEL, format, 0.1, i);
                kafka.send(p + ".scan.results", id, json.getBytes(StandardCharsets.UTF_8), now);
            }
            // older results: 3 ten minutes ago, 2 two hours ago, 1 a day and an hour ago (outside every window)
            for (int i = 0; i < 3; i++) {
                kafka.send(p + ".scan.results", "agg-old-" + i,
                        Events.clean("agg-old-" + i, MODEL, "png", 0.1, 1000).getBytes(StandardCharsets.UTF_8),
                        now - Duration.ofMinutes(10).toMillis());
            }
            for (int i = 0; i < 2; i++) {
                kafka.send(p + ".scan.results", "agg-older-" + i,
                        Events.clean("agg-older-" + i, MODEL, "png", 0.1, 1000).getBytes(StandardCharsets.UTF_8),
                        now - Duration.ofHours(2).toMillis());
            }
            kafka.send(p + ".scan.results", "agg-expired",
                    Events.clean("agg-expired", MODEL, "png", 0.1, 1000).getBytes(StandardCharsets.UTF_8),
                    now - Duration.ofHours(25).toMillis());
            kafka.send(p + ".scan.results", "agg-other", Events.clean("agg-other", "agg-v2", "png", 0.2, 5));
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(stats("24h", MODEL).getLong("count")).isEqualTo(105));

        JsonPath m1 = stats("1m", MODEL);
        assertThat(m1.getString("window")).isEqualTo("1m");
        assertThat(m1.getLong("count")).isEqualTo(100);
        assertThat(m1.getDouble("throughputPerSecond")).isCloseTo(100 / 60.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(m1.getLong("errors")).isEqualTo(10);
        assertThat(m1.getDouble("errorRate")).isEqualTo(0.1);
        assertThat(m1.getDouble("latencyP50Ms")).isBetween(48.5, 52.0);
        assertThat(m1.getDouble("latencyP95Ms")).isBetween(91.0, 98.0);
        assertThat(m1.getDouble("latencyP99Ms")).isBetween(95.0, 102.0);
        assertThat(m1.getDouble("latencyMeanMs")).isEqualTo(50.5);
        assertThat(m1.getLong("stego")).isEqualTo(10);
        assertThat(m1.getDouble("stegoRate")).isEqualTo(0.1);
        assertThat(m1.getDouble("stegoRateByMethod.'lsb.rgb'")).isEqualTo(0.07);
        assertThat(m1.getDouble("stegoRateByMethod.palette")).isEqualTo(0.03);
        assertThat(m1.getLong("byFormat.png.count")).isEqualTo(50);
        assertThat(m1.getLong("byFormat.png.stego")).isEqualTo(5);
        assertThat(m1.getDouble("byFormat.png.stegoRate")).isEqualTo(0.1);
        assertThat(m1.getLong("byFormat.jpeg.count")).isEqualTo(25);
        assertThat(m1.getDouble("byFormat.jpeg.stegoRate")).isEqualTo(0.2);
        assertThat(m1.getLong("byFormat.gif.count")).isEqualTo(25);
        assertThat(m1.getLong("byFormat.gif.stego")).isEqualTo(0);
        assertThat(m1.getLong("errorCodes.TRUNCATED")).isEqualTo(10);
        List<Integer> histogram = m1.getList("scoreHistogram", Integer.class);
        assertThat(histogram).hasSize(20);
        assertThat(histogram.get(2)).isEqualTo(80);   // clean at 0.1
        assertThat(histogram.get(18)).isEqualTo(10);  // stego at 0.9
        assertThat(histogram.stream().mapToInt(Integer::intValue).sum()).isEqualTo(90); // errors have no score

        assertThat(stats("15m", MODEL).getLong("count")).isEqualTo(103);
        assertThat(stats("1h", MODEL).getLong("count")).isEqualTo(103);
        JsonPath h24 = stats("24h", MODEL);
        assertThat(h24.getLong("count")).isEqualTo(105);
        assertThat(h24.getDouble("throughputPerSecond")).isCloseTo(105 / 86400.0,
                org.assertj.core.data.Offset.offset(1e-9));

        assertThat(stats("1m", "agg-v2").getLong("count")).isEqualTo(1);
        assertThat(given().get("/v1/monitoring/stats/models").then().statusCode(200).extract().jsonPath()
                .getList("", String.class)).contains(MODEL, "agg-v2");
        // all traffic includes at least these (other tests share the topic)
        assertThat(given().get("/v1/monitoring/stats/1m").then().statusCode(200).extract().jsonPath()
                .getLong("count")).isGreaterThanOrEqualTo(101);
        assertThat(given().get("/v1/monitoring/stats").then().statusCode(200).extract().jsonPath()
                .getList("window", String.class)).containsExactly("1m", "15m", "1h", "24h");
        given().get("/v1/monitoring/series/1m").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(60));
        given().get("/v1/monitoring/stats/2m").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("UNKNOWN_WINDOW"));
        given().queryParam("model", "never-seen").get("/v1/monitoring/stats/1m").then().statusCode(404);
    }

    @Test
    void garbageOnEveryTopicIsCountedAndSkipped() {
        String p = KafkaClients.prefix();
        long resultsGarbage = count(p + ".scan.results", "garbage");
        long metricsGarbage = count(p + ".metrics", "garbage");
        long metricsUnknown = count(p + ".metrics", "unknown");
        long modelsGarbage = count(p + ".models", "garbage");
        try (KafkaClients kafka = KafkaClients.forApp()) {
            kafka.send(p + ".scan.results", "g1", "not json at all");
            kafka.send(p + ".scan.results", "g2", "{}");
            kafka.send(p + ".scan.results", "g3", new byte[] {(byte) 0xFF, 0, 1, 2}, null);
            kafka.send(p + ".scan.results", "g4", (byte[]) null, null);
            kafka.send(p + ".scan.results", "g5", "{\"verdict\":\"stego\",\"latencyMs\":\"soon\"}");
            kafka.send(p + ".metrics", "g", "[1,2,3]");
            kafka.send(p + ".metrics", "g", "{\"type\":\"model.evaluation\",\"model\":null}");
            kafka.send(p + ".metrics", "g", "{\"type\":\"scan-batch\",\"count\":\"many\"}");
            kafka.send(p + ".metrics", "g", "{\"type\":\"something.new\",\"x\":1}");
            kafka.send(p + ".metrics", "g", "{\"type\":\"training.progress\",\"run\":\"r\"}");
            kafka.send(p + ".models", "junk", "SLME but not really".getBytes(StandardCharsets.UTF_8), null);
            kafka.send(p + ".models", "short", new byte[] {1, 2}, null);
            // the consumers are still alive: a good result and a batch after the garbage are aggregated
            kafka.send(p + ".scan.results", "after-garbage", Events.clean("after-garbage", "garbage-v1", "bmp", 0.3, 7));
            kafka.send(p + ".metrics", "detector/garbage-v1", Events.batch("det-garbage", "garbage-v1", 5, 1));
            kafka.send(p + ".metrics", "detector/garbage-v1", Events.batch("det-garbage", "garbage-v1", 3, 0));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(count(p + ".scan.results", "garbage") - resultsGarbage).isEqualTo(5);
            assertThat(count(p + ".metrics", "garbage") - metricsGarbage).isEqualTo(3);
            assertThat(count(p + ".metrics", "unknown") - metricsUnknown).isEqualTo(1);
            assertThat(count(p + ".models", "garbage") - modelsGarbage).isEqualTo(2);
            assertThat(count(p + ".metrics", "training.progress")).isGreaterThanOrEqualTo(1);
            assertThat(stats("1m", "garbage-v1").getLong("count")).isEqualTo(1);
            JsonPath detectors = given().get("/v1/monitoring/detectors").then().statusCode(200).extract().jsonPath();
            assertThat(detectors.getLong("find { it.service == 'det-garbage' }.batches")).isEqualTo(2);
            assertThat(detectors.getLong("find { it.service == 'det-garbage' }.results")).isEqualTo(8);
            assertThat(detectors.getLong("find { it.service == 'det-garbage' }.errors")).isEqualTo(1);
        });
    }

    @Test
    void prometheusShowsTheMonitorGauges() {
        try (KafkaClients kafka = KafkaClients.forApp()) {
            kafka.send(KafkaClients.prefix() + ".scan.results", "prom-1",
                    Events.stego("prom-1", "prom-v1", "png", 0.8, "lsb.rgb", 12));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("starlight_monitor_throughput{window=\"1m\"}"))
                .body(containsString("starlight_monitor_error_rate{window=\"15m\"}"))
                .body(containsString("starlight_monitor_latency_p95_seconds{window=\"1m\"}"))
                .body(containsString("starlight_monitor_latency_p99_seconds{window=\"24h\"}"))
                .body(containsString("starlight_monitor_stego_rate{method=\"lsb.rgb\",window=\"1m\"}"))
                .body(containsString("starlight_monitor_stego_rate_by_format{format=\"png\",window=\"1m\"}"))
                .body(containsString("starlight_monitor_alerts_firing{rule=\"drift\"}"))
                .body(containsString("starlight_monitor_fpr_canary"))
                .body(containsString("starlight_monitor_events_total{kind=\"scan.result\"")));
    }
}
