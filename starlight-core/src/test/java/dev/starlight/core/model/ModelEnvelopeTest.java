package dev.starlight.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelEnvelopeTest {
    private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");

    private static ModelEnvelope envelope() {
        return ModelEnvelope.of("starlight-detector", "7", CREATED, Map.of("provenance", "{\"corpus\":\"shared\"}"),
                OnnxModelTest.lsbModel());
    }

    private static void assertRefused(byte[] bytes, ErrorCode code, String messageStart) {
        assertThatThrownBy(() -> ModelEnvelope.fromBytes(bytes))
                .isInstanceOfSatisfying(StarlightException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void roundTripsThroughBytesAndTheModelStillLoads() {
        ModelEnvelope original = envelope();
        byte[] bytes = original.toBytes();
        assertThat(Arrays.copyOf(bytes, 5)).containsExactly('S', 'L', 'M', 'E', 1);

        ModelEnvelope back = ModelEnvelope.fromBytes(bytes);
        assertThat(back).isEqualTo(original);
        assertThat(back.sha256()).hasSize(64).isEqualTo(ModelEnvelope.sha256Hex(OnnxModelTest.lsbModel()));
        assertThat(back.metadata()).containsEntry("provenance", "{\"corpus\":\"shared\"}");
        try (OnnxModel model = OnnxModel.load(back.onnx())) {
            assertThat(model.info().name()).isEqualTo("test-lsb");
        }
    }

    @Test
    void refusesAChecksumMismatch() {
        byte[] bytes = envelope().toBytes();
        bytes[bytes.length - 10] ^= 1;
        assertRefused(bytes, ErrorCode.MALFORMED, "model envelope checksum mismatch: header says ");

        ModelEnvelope forged = new ModelEnvelope("m", "1", "00".repeat(32), CREATED, Map.of(), new byte[] {1, 2});
        assertThatThrownBy(forged::verify).isInstanceOf(StarlightException.class)
                .hasMessageContaining("header says " + "00".repeat(32));
        assertRefused(forged.toBytes(), ErrorCode.MALFORMED, "model envelope checksum mismatch");
    }

    @Test
    void refusesDamagedLayouts() {
        byte[] good = envelope().toBytes();
        int headerLength = ByteBuffer.wrap(good, 5, 4).getInt();

        assertRefused(null, ErrorCode.TRUNCATED, "model envelope is 0 bytes");
        assertRefused(new byte[] {'S', 'L'}, ErrorCode.TRUNCATED, "model envelope is 2 bytes");
        assertRefused("NOPE12345678".getBytes(StandardCharsets.US_ASCII), ErrorCode.MALFORMED,
                "not a model envelope: magic at offset 0 is 4e4f5045");

        byte[] version = good.clone();
        version[4] = 2;
        assertRefused(version, ErrorCode.UNSUPPORTED_FEATURE, "model envelope layout version 2");

        byte[] hugeHeader = good.clone();
        ByteBuffer.wrap(hugeHeader).putInt(5, -1);
        assertRefused(hugeHeader, ErrorCode.MALFORMED, "model envelope header length 4294967295");

        assertRefused(Arrays.copyOf(good, 9 + headerLength - 1), ErrorCode.TRUNCATED, "model envelope header of");
        assertRefused(Arrays.copyOf(good, good.length - 1), ErrorCode.TRUNCATED, "model envelope declares");
        assertRefused(Arrays.copyOf(good, good.length + 3), ErrorCode.MALFORMED, "model envelope declares");

        byte[] badJson = good.clone();
        badJson[9] = 'x';
        assertRefused(badJson, ErrorCode.MALFORMED, "model envelope header is not valid JSON");
    }

    @Test
    void refusesAHeaderWithoutRequiredFields() {
        byte[] json = "{\"onnxLength\":0}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = ByteBuffer.allocate(9 + json.length).put(new byte[] {'S', 'L', 'M', 'E', 1})
                .putInt(json.length).put(json).array();
        assertRefused(bytes, ErrorCode.MALFORMED, "model envelope header lacks the text field createdAt");
    }

    @Test
    void anEnvelopeIsRecognisedByItsMagicAlone() {
        assertThat(ModelEnvelope.isEnvelope(new byte[] {'S', 'L', 'M', 'E'})).isTrue();
        assertThat(ModelEnvelope.isEnvelope(new byte[] {'S', 'L', 'M'})).isFalse();
        assertThat(ModelEnvelope.isEnvelope(new byte[] {8, 7, 18, 4, 't', 'e', 's', 't'})).isFalse();
        assertThat(ModelEnvelope.isEnvelope(null)).isFalse();
    }
}
