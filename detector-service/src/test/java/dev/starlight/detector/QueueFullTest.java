package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** With one scan thread and no queue, concurrent requests beyond it get 429 QUEUE_FULL, never an error or a hang. */
@QuarkusTest
@TestProfile(QueueFullTest.OneSlot.class)
@WithTestResource(KafkaBrokerResource.class)
class QueueFullTest {

    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.detector.workers", "1", "starlight.detector.http-queue", "0",
                    "starlight.detector.cache-entries", "1");
        }
    }

    @Test
    void requestsBeyondTheWorkQueueAreRefusedWith429() throws Exception {
        byte[] big = TestImages.cover(ImageFormat.PNG, 512, 4);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] body = java.util.Arrays.copyOf(big, big.length + 1);
                body[big.length] = (byte) i; // distinct bytes: no cache hit
                calls.add(CompletableFuture.supplyAsync(() -> given().body(body).contentType("image/png")
                        .when().post("/v1/scan").then().extract().statusCode(), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200, 429);
            assertThat(statuses).contains(200, 429);
        } finally {
            pool.shutdownNow();
        }
        given().body(big).contentType("image/png").when().post("/v1/scan").then().statusCode(200);
    }
}
