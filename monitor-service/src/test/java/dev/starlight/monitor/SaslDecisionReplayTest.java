package dev.starlight.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelVerdict;
import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.SaslKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The monitor on a broker that only takes SCRAM logins: its own decision-log consumer (not a messaging channel)
 * logs in with the {@code kafka.*} settings and restores an operator override written before it started.
 */
@QuarkusTest
@WithTestResource(SaslDecisionReplayTest.History.class)
class SaslDecisionReplayTest {

    /** A SASL broker with one earlier decision on the decisions topic. */
    public static class History extends SaslKafkaBrokerResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            ModelDecision override = new ModelDecision(ModelDecision.TYPE, "sasl-model", "v2", ModelVerdict.APPROVED,
                    "v1",
                    List.of("fpr[all] rose"), "operator approved over SASL", true, "v2", System.currentTimeMillis());
            try (KafkaProducer<String, String> p = new KafkaProducer<>(clientConfig(), new StringSerializer(),
                    new StringSerializer())) {
                p.send(new ProducerRecord<>(Topics.DEFAULT.name("models.decisions"), override.model(),
                        Events.json(override))).get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not write the earlier decision", e);
            }
            return config;
        }
    }

    @Test
    void decisionsWrittenBeforeStartAreRestoredOverSasl() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/v1/monitoring/regressions/sasl-model").then().statusCode(200)
                .body("find { it.version == 'v2' }.override", equalTo(true))
                .body("find { it.version == 'v2' }.reason", equalTo("operator approved over SASL")));
    }
}
