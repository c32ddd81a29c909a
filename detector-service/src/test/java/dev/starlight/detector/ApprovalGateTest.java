package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.starlight.core.events.Topics;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Champion/challenger: with require-approval, a published model serves only once the monitor's decision names it
 * champion; a rejected challenger never serves; an operator override (a decision like any other) hands the name back.
 */
@QuarkusTest
@TestProfile(ApprovalGateTest.RequireApproval.class)
@WithTestResource(KafkaBrokerResource.class)
class ApprovalGateTest {

    public static class RequireApproval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.require-approval", "true");
        }
    }

    @Test
    void onlyTheChampionTheMonitorNamesServes() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            model(producer, "1");
            sleep(1500);
            servingVersion(equalTo(dev.starlight.core.scan.Scanner.defaultVersion(
                    dev.starlight.core.analysis.fusion.FusionModel.shipped())), Duration.ofSeconds(5));

            decision(producer, "1", "APPROVED", "1", false);
            servingVersion(equalTo("1"), Duration.ofSeconds(30));

            // a challenger arrives and the monitor rejects it: the champion keeps serving
            model(producer, "2");
            decision(producer, "2", "REJECTED", "1", false);
            sleep(1500);
            servingVersion(equalTo("1"), Duration.ofSeconds(5));

            // an operator overrides the rejection
            decision(producer, "2", "APPROVED", "2", true);
            servingVersion(equalTo("2"), Duration.ofSeconds(30));

            // a decision naming a version whose envelope has not arrived waits for it
            decision(producer, "3", "APPROVED", "3", false);
            sleep(1000);
            servingVersion(equalTo("2"), Duration.ofSeconds(5));
            model(producer, "3");
            servingVersion(equalTo("3"), Duration.ofSeconds(30));
        }
    }

    private static void model(KafkaProducer<String, byte[]> producer, String version) {
        byte[] onnx = LsbMeanModel.onnx("gated", version, 1f, -10f);
        producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "gated",
                ModelEnvelope.of("gated", version, Instant.parse("2026-11-24T00:00:00Z"), Map.of(), onnx).toBytes()));
        producer.flush();
    }

    private static void decision(KafkaProducer<String, byte[]> producer, String version, String verdict,
                                 String champion, boolean override) {
        String json = String.format("{\"type\":\"model.decision\",\"model\":\"gated\",\"version\":\"%s\","
                + "\"verdict\":\"%s\",\"brokenRules\":[],\"reason\":\"test\",\"override\":%s,\"champion\":\"%s\","
                + "\"timestamp\":1}", version, verdict, override, champion);
        producer.send(new ProducerRecord<>(Topics.DEFAULT.modelDecisions(), "gated",
                json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    private static void servingVersion(org.hamcrest.Matcher<String> expected, Duration within) {
        Awaitility.await().atMost(within).untilAsserted(() ->
                given().when().get("/v1/models").then().statusCode(200).body("version", expected));
    }

    private static void sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
