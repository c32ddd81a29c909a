package dev.starlight.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Images in on starlight.scan.requests, exactly one ScanResult out per request, through a real broker. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class KafkaScanFlowTest {

    @Test
    void anImageJustUnderTenMibTravelsThroughKafka() {
        // 24-bit BMP, 1860 x 1870: 10,434,654 bytes, just under the 10 MiB message limit
        int w = 1860;
        int h = 1870;
        int[][] planes = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            planes[0][i] = i % 251;
            planes[1][i] = (i / w) % 253;
            planes[2][i] = (i * 7) % 255;
        }
        byte[] bmp = dev.starlight.codecs.image.ImageCodecs.writer(ImageFormat.BMP).encode(
                new dev.starlight.codecs.image.DecodedImage(ImageFormat.BMP, w, h, 8,
                        dev.starlight.codecs.image.ColorType.RGB, planes, null, null, false, List.of(), List.of(), 0, null));
        assertThat(bmp.length).isBetween(10_000_000, 10 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            producer.send(KafkaClients.request("ten-mib", bmp));
            producer.flush();
        }
        ScanResult result = KafkaClients.readUntil(Topics.DEFAULT.scanResults(), "ten-mib"::equals, 1,
                Duration.ofSeconds(60)).stream().map(r -> ScanResultJson.read(r.value())).findFirst().orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(result.width()).isEqualTo(w);
        assertThat(result.sha256()).isEqualTo(dev.starlight.core.scan.Scanner.sha256(bmp));
    }

    @Test
    void everyRequestGetsExactlyOneResultWithItsVerdictMethodOrErrorCode() throws Exception {
        Map<String, byte[]> requests = new HashMap<>();
        for (Method m : Method.values()) {
            requests.put("stego-" + m.label(), TestImages.stego(m, m.ordinal()));
        }
        requests.put("clean-png", TestImages.cover(ImageFormat.PNG, 64, 99));
        requests.put("garbage", "this is not an image at all".getBytes(StandardCharsets.UTF_8));
        requests.put("empty", new byte[0]);
        byte[] png = TestImages.cover(ImageFormat.PNG, 64, 98);
        requests.put("truncated-png", Arrays.copyOf(png, png.length / 2));

        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            for (var e : requests.entrySet()) {
                producer.send(KafkaClients.request(e.getKey(), e.getValue(), Topics.HEADER_SOURCE, e.getKey() + ".bin",
                        Topics.HEADER_TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
            }
            producer.send(KafkaClients.request(null, TestImages.stego(Method.RAW, 7)));
            producer.flush();
        }

        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(Topics.DEFAULT.scanResults(),
                key -> requests.containsKey(key) || key.startsWith(Topics.DEFAULT.scanRequests() + "-"),
                requests.size() + 1, Duration.ofSeconds(60));
        Map<String, ScanResult> byId = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            ScanResult result = ScanResultJson.read(r.value());
            assertThat(r.key()).isEqualTo(result.requestId());
            assertThat(byId.put(result.requestId(), result)).as("duplicate result for %s", r.key()).isNull();
            if (r.key() != null && !r.key().startsWith(Topics.DEFAULT.scanRequests())) {
                assertThat(new String(r.headers().lastHeader(Topics.HEADER_TRACEPARENT).value(), StandardCharsets.UTF_8))
                        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }
        }
        assertThat(byId).hasSize(requests.size() + 1);

        for (Method m : Method.values()) {
            ScanResult r = byId.get("stego-" + m.label());
            assertThat(r.verdict()).as(m.label()).isEqualTo(Verdict.STEGO);
            assertThat(r.method()).isEqualTo(m.label());
            assertThat(r.payload().text()).isEqualTo(TestImages.MESSAGE);
            assertThat(r.source()).isEqualTo("stego-" + m.label() + ".bin");
        }
        assertThat(byId.get("clean-png").verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(byId.get("garbage").error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(byId.get("empty").error().code()).isEqualTo("EMPTY_INPUT");
        assertThat(byId.get("truncated-png").error().code()).isEqualTo("TRUNCATED");
        ScanResult unkeyed = byId.values().stream()
                .filter(r -> r.requestId().startsWith(Topics.DEFAULT.scanRequests() + "-")).findFirst().orElseThrow();
        assertThat(unkeyed.requestId()).matches("starlight\\.scan\\.requests-\\d+@\\d+");
        assertThat(unkeyed.verdict()).isEqualTo(Verdict.STEGO);

        // the monitor's input: one compact event per micro-batch, counting every result
        List<ConsumerRecord<String, String>> events =
                KafkaClients.readResults(Topics.DEFAULT.metrics(), 1, Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        int counted = 0;
        for (ConsumerRecord<String, String> e : KafkaClients.readResults(Topics.DEFAULT.metrics(), 100, Duration.ofSeconds(3))) {
            var event = mapper.readTree(e.value());
            assertThat(event.path("type").asText()).isEqualTo("scan-batch");
            assertThat(e.key()).isEqualTo("detector/" + event.path("modelVersion").asText());
            counted += event.path("count").asInt();
        }
        // other tests share the broker, so other batches may be counted too; ours are all there
        assertThat(counted).isGreaterThanOrEqualTo(requests.size() + 1);
    }
}
