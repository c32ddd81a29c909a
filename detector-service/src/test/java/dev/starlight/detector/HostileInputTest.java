package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.Topics;
import dev.starlight.lab.hostile.HostileCorpus;
import dev.starlight.lab.hostile.HostileFile;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * A seeded subset of the hostile corpus (every kind at least once) through the running service: over real HTTP
 * every file is answered with 200 and a verdict or a 4xx/5xx with an error code, never a dropped connection or
 * an INTERNAL error; over the real broker every request id gets exactly one result.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HostileInputTest {
    private static final int COUNT = Integer.getInteger("starlight.hostile.service-count", 200);
    private static final long SEED = 20261126L;
    /** Quarkus refuses bodies over quarkus.http.limits.max-body-size (11M) itself, with an empty 413. */
    private static final int HTTP_BODY_LIMIT = 11 << 20;
    private static final Set<Integer> ERROR_STATUSES = Set.of(413, 415, 422, 503);

    @Test
    void everyHostileFileIsAnsweredOverHttpWithAVerdictOrAnErrorCode() {
        assertThat(COUNT).isGreaterThanOrEqualTo(HostileCorpus.kinds().size());
        HostileCorpus corpus = new HostileCorpus(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            HostileFile f = corpus.file(i);
            Response response = given().body(f.data()).contentType("application/octet-stream")
                    .header("X-Request-Id", f.name()).when().post("/v1/scan");
            int status = response.statusCode();
            if (status == 200) {
                outcomes.merge(response.path("verdict"), 1, Integer::sum);
            } else if (status == 413 && f.data().length > HTTP_BODY_LIMIT) {
                outcomes.merge("413-body-limit", 1, Integer::sum);
            } else if (ERROR_STATUSES.contains(status)) {
                String code = response.path("error.code");
                outcomes.merge(code == null ? "no-code" : code, 1, Integer::sum);
                if (code == null || code.equals("INTERNAL")) {
                    failures.add(f.name() + " (seed " + f.seed() + "): " + status + " " + response.asString());
                }
            } else {
                failures.add(f.name() + " (seed " + f.seed() + "): HTTP " + status + " " + response.asString());
            }
        }
        System.out.printf("hostile over HTTP: %d files: %s%n", COUNT, outcomes);
        assertThat(failures).isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    }

    @Test
    void everyHostileRequestOnKafkaGetsExactlyOneResult() throws Exception {
        HostileCorpus corpus = new HostileCorpus(SEED + 1); // other bytes than the HTTP test: no content-cache hits
        Map<String, HostileFile> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            for (int i = 0; i < COUNT; i++) {
                HostileFile f = corpus.file(i);
                if (f.data().length > Topics.MAX_MESSAGE_BYTES) {
                    continue; // the producer refuses it; it never becomes a request
                }
                String key = "hostile-" + f.name();
                producer.send(KafkaClients.request(key, f.data())).get();
                sent.put(key, f);
            }
        }
        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                sent::containsKey, sent.size(), Duration.ofSeconds(120));
        Map<String, Integer> perKey = new HashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            perKey.merge(r.key(), 1, Integer::sum);
            ScanResult result = ScanResultJson.read(r.value());
            outcomes.merge(result.error() == null ? result.verdict().label() : result.error().code(), 1, Integer::sum);
        }
        System.out.printf("hostile over Kafka: %d requests: %s%n", sent.size(), outcomes);
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
        assertThat(perKey.values()).containsOnly(1);
        assertThat(outcomes).doesNotContainKey("INTERNAL");
    }
}
