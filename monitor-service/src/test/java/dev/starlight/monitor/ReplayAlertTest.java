package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A restart on an hour of history: 20,000 results stamped from an hour ago up to the start, replayed in polls of 50
 * records while the rules would be evaluated every 20 ms. Mid-replay the newest result read is up to an hour old, so
 * {@code no-traffic} would hold; no alert may be raised (listed or sent to the webhook) until the monitor has caught
 * up, and afterwards the rules work on live results.
 */
@QuarkusTest
@WithTestResource(ReplayAlertTest.History.class)
class ReplayAlertTest {
    static final String PREFIX = "replay";
    static final int HISTORY = 20_000;
    static final List<String> HOOKS = new CopyOnWriteArrayList<>();

    /** An hour of results written before the app starts, and a webhook receiver. */
    public static class History implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            String bootstrap = SharedKafkaBrokerResource.bootstrap(PREFIX);
            long now = System.currentTimeMillis();
            long hourAgo = now - Duration.ofHours(1).toMillis();
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < HISTORY; i++) {
                    String id = "h-" + i;
                    long at = hourAgo + (now - hourAgo) * i / HISTORY;
                    p.send(new ProducerRecord<>(PREFIX + ".scan.results", 0, at, id,
                            Events.clean(id, "replay-v1", "png", 0.1, 5)));
                }
                p.flush();
            }
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hook", exchange -> {
                HOOKS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return Map.of("kafka.bootstrap.servers", bootstrap, "starlight.topic-prefix", PREFIX,
                    "starlight.monitor.evaluate-every", "20ms",
                    "mp.messaging.incoming.scan-results.max.poll.records", "50",
                    "starlight.monitor.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void noAlertIsRaisedWhileHistoryIsReplayedAndRulesWorkOnceCaughtUp() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/v1/monitoring/stats/24h").then()
                .statusCode(200).body("count", equalTo(HISTORY)));
        Thread.sleep(1000); // fifty evaluations after the replay
        given().get("/v1/monitoring/alerts").then().statusCode(200).body("size()", equalTo(0));
        assertThat(HOOKS).isEmpty();

        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (int i = 0; i < 25; i++) {
                kafka.sendAsync(PREFIX + ".scan.results", "e" + i, Events.error("e" + i, "replay-v1", "png",
                        "TRUNCATED", 3));
            }
            kafka.flush();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/v1/monitoring/alerts").then()
                .body("find { it.id == 'error-rate:1m' }.state", equalTo("FIRING")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !HOOKS.isEmpty());
        assertThat(HOOKS).noneMatch(h -> h.contains("no-traffic"));
        given().get("/v1/monitoring/alerts").then().body("find { it.rule == 'no-traffic' }", equalTo(null));
    }
}
