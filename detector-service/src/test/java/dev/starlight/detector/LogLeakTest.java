package dev.starlight.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Sends keys (accepted and refused), images carrying a marker (well-formed, malformed, not images at all) over HTTP
 * and Kafka, and garbage on the model and decision topics, while capturing every log line of the JVM; then checks
 * that no key and no form of the marker (text, hex, base64 at each alignment, a Java byte list) was logged.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.AuthOn.class)
@WithTestResource(KafkaBrokerResource.class)
class LogLeakTest {
    private static final byte[] MARKER = "LEAKMARK-7c1e9a3f-b0d4-LEAKMARK".getBytes(StandardCharsets.US_ASCII);
    private static final String REFUSED_KEY = "refused-key-e8f15c20";

    @Test
    void neitherKeysNorImageBytesReachTheLogs() throws Exception {
        byte[] png = TestImages.cover(ImageFormat.PNG, 64, 21);
        byte[] trailing = concat(png, MARKER);
        byte[] badChunk = concat(Arrays.copyOf(png, 8), ByteBuffer.allocate(8).putInt(MARKER.length).put(MARKER, 0, 4)
                .array(), MARKER, MARKER);
        byte[] notAnImage = concat(MARKER, MARKER);
        List<byte[]> images = List.of(trailing, badChunk, notAnImage);

        try (LogCapture logs = LogCapture.start()) {
            for (byte[] image : images) {
                given().header("X-API-Key", ApiKeyTest.KEY).body(image).contentType("application/octet-stream")
                        .when().post("/v1/scan").then().statusCode(org.hamcrest.Matchers.lessThan(500));
                given().header("X-API-Key", REFUSED_KEY).body(image).contentType("application/octet-stream")
                        .when().post("/v1/scan").then().statusCode(401);
            }
            given().header("X-API-Key", ApiKeyTest.FILE_KEY).multiPart("file", "x.png", badChunk, "image/png")
                    .when().post("/v1/scan").then().statusCode(org.hamcrest.Matchers.lessThan(500));

            try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
                for (int i = 0; i < images.size(); i++) {
                    producer.send(KafkaClients.request("leak-" + i, images.get(i))).get();
                }
                byte[] badHeader = concat("SLME".getBytes(StandardCharsets.US_ASCII), new byte[] {1},
                        ByteBuffer.allocate(4).putInt(MARKER.length * 2).array(), MARKER, MARKER);
                producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "leak", badHeader)).get();
                producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "leak", notAnImage)).get();
                producer.send(new ProducerRecord<>(Topics.DEFAULT.modelDecisions(), "leak", notAnImage)).get();
            }
            assertThat(KafkaClients.readUntil(Topics.DEFAULT.scanResults(), k -> k.startsWith("leak-"), images.size(),
                    Duration.ofSeconds(60))).hasSizeGreaterThanOrEqualTo(images.size());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    logs.text().contains("unreadable model decision")
                            && logs.lines().stream().filter(l -> l.contains("model refused")).count() >= 2);

            String text = logs.text();
            assertThat(text).doesNotContain(ApiKeyTest.KEY, ApiKeyTest.FILE_KEY, REFUSED_KEY);
            for (String form : markerForms()) {
                assertThat(text).doesNotContainIgnoringCase(form);
            }
        }
    }

    /**
     * Every run of 8 marker bytes as a log line could carry it: text, hex, base64 (12 characters, from each of the
     * three alignments), a Java byte list. Shorter runs are allowed: format errors quote a 4-byte magic number.
     */
    private static List<String> markerForms() {
        List<String> forms = new ArrayList<>();
        for (int at = 0; at + 8 <= MARKER.length; at++) {
            forms.add(new String(MARKER, at, 8, StandardCharsets.ISO_8859_1));
            forms.add(HexFormat.of().formatHex(MARKER, at, at + 8));
            forms.add(Arrays.toString(Arrays.copyOfRange(MARKER, at, at + 8)).replace("[", "").replace("]", ""));
        }
        for (int shift = 0; shift < 3; shift++) {
            String b64 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(MARKER, shift, MARKER.length));
            for (int at = 0; at + 12 <= b64.length() - 4; at += 4) {
                forms.add(b64.substring(at, at + 12));
            }
        }
        return forms;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
