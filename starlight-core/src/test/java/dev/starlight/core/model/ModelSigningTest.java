package dev.starlight.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSigningTest {
    private static final KeyPair PUBLISHER = Ed25519Keys.generate();
    private static final KeyPair STRANGER = Ed25519Keys.generate();
    private static final TrustedKeys TRUSTED = new TrustedKeys(List.of(PUBLISHER.getPublic()));

    private static ModelEnvelope envelope() {
        return ModelEnvelope.of("starlight-detector", "7", Instant.parse("2025-01-02T03:04:05Z"),
                Map.of("provenance", "{\"corpus\":\"shared\"}"), OnnxModelTest.lsbModel());
    }

    private static ModelEnvelope signed() {
        return new ModelSigner(PUBLISHER.getPrivate()).sign(envelope());
    }

    private static void assertUntrusted(ModelEnvelope envelope, UntrustedModelException.Reason reason) {
        assertThatThrownBy(() -> TRUSTED.verify(envelope)).isInstanceOfSatisfying(UntrustedModelException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aSignedEnvelopeRoundTripsThroughBytesAndVerifies() {
        ModelEnvelope signed = signed();
        ModelEnvelope back = ModelEnvelope.fromBytes(signed.toBytes());

        assertThat(back).isEqualTo(signed);
        assertThat(back.signed()).isTrue();
        assertThat(back.signature().keyId()).isEqualTo(Ed25519Keys.keyId(PUBLISHER.getPublic())).hasSize(16);
        assertThat(back.signature().bytes()).hasSize(64);
        assertThat(TRUSTED.verify(back)).isSameAs(back);
    }

    @Test
    void anUnsignedEnvelopeStillParsesButIsNotTrusted() {
        ModelEnvelope back = ModelEnvelope.fromBytes(envelope().toBytes());
        assertThat(back.signed()).isFalse();
        assertUntrusted(back, UntrustedModelException.Reason.UNSIGNED);
    }

    @Test
    void anEnvelopeSignedByAnotherKeyIsRefused() {
        ModelEnvelope foreign = new ModelSigner(STRANGER.getPrivate()).sign(envelope());
        assertUntrusted(ModelEnvelope.fromBytes(foreign.toBytes()), UntrustedModelException.Reason.UNKNOWN_KEY);
    }

    @Test
    void aSignatureMovedUnderAnotherKeyIdIsRefused() {
        ModelEnvelope stranger = new ModelSigner(STRANGER.getPrivate()).sign(envelope());
        ModelEnvelope relabelled = envelope().withSignature(new EnvelopeSignature(
                Ed25519Keys.keyId(PUBLISHER.getPublic()), stranger.signature().bytes()));
        assertUntrusted(relabelled, UntrustedModelException.Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedHeaderIsRefused() {
        byte[] bytes = signed().toBytes();
        String header = new String(bytes, 9, ByteBuffer.wrap(bytes, 5, 4).getInt(), StandardCharsets.UTF_8);
        byte[] edited = header.replace("\"version\":\"7\"", "\"version\":\"8\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(edited, 0, bytes, 9, edited.length);

        ModelEnvelope tampered = ModelEnvelope.fromBytes(bytes);
        assertThat(tampered.version()).isEqualTo("8");
        assertUntrusted(tampered, UntrustedModelException.Reason.BAD_SIGNATURE);

        ModelEnvelope moreMetadata = new ModelEnvelope(tampered.name(), "7", tampered.sha256(), tampered.createdAt(),
                Map.of("provenance", "{\"corpus\":\"shared\"}", "extra", "x"), tampered.onnx(), tampered.signature());
        assertUntrusted(moreMetadata, UntrustedModelException.Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedOnnxBytesAreRefusedByTheChecksumAndReSummedOnesByTheSignature() {
        byte[] bytes = signed().toBytes();
        bytes[bytes.length - 10] ^= 1;
        assertThatThrownBy(() -> ModelEnvelope.fromBytes(bytes)).isInstanceOfSatisfying(StarlightException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
                .hasMessageStartingWith("model envelope checksum mismatch");

        byte[] onnx = OnnxModelTest.lsbModel();
        onnx[onnx.length - 10] ^= 1;
        ModelEnvelope s = signed();
        ModelEnvelope resummed = ModelEnvelope.of(s.name(), s.version(), s.createdAt(), s.metadata(), onnx)
                .withSignature(s.signature());
        assertUntrusted(ModelEnvelope.fromBytes(resummed.toBytes()), UntrustedModelException.Reason.BAD_SIGNATURE);
    }

    @Test
    void keysRoundTripThroughPemFiles(@TempDir Path dir) throws Exception {
        Ed25519Keys.writePrivate(dir.resolve("k.pem"), PUBLISHER.getPrivate());
        Ed25519Keys.writePublic(dir.resolve("k.pub.pem"), PUBLISHER.getPublic());

        ModelSigner signer = ModelSigner.fromPem(dir.resolve("k.pem"));
        TrustedKeys trusted = TrustedKeys.fromPem(List.of(dir.resolve("k.pub.pem")));

        assertThat(signer.keyId()).isEqualTo(Ed25519Keys.keyId(PUBLISHER.getPublic()));
        assertThat(trusted.keyIds()).containsExactly(signer.keyId());
        assertThat(trusted.verify(signer.sign(envelope())).signed()).isTrue();
        assertThatThrownBy(() -> TrustedKeys.fromPem(List.of(dir.resolve("k.pem"))))
                .hasMessageEndingWith("has no -----BEGIN PUBLIC KEY----- block");
    }

    @Test
    void theCanonicalBytesAreLengthPrefixedFieldsInTheDocumentedOrder() {
        ModelEnvelope e = new ModelEnvelope("n", "v", "ab", Instant.parse("2025-01-02T03:04:05Z"), Map.of("k", "x"),
                new byte[] {1, 2, 3});
        ByteBuffer expected = ByteBuffer.allocate(200);
        for (String field : List.of("SLME-signature-1", "n", "v", "ab", "2025-01-02T03:04:05Z", "3", "1", "k", "x")) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            expected.putInt(utf8.length).put(utf8);
        }
        byte[] want = new byte[expected.position()];
        expected.flip().get(want);
        assertThat(e.canonicalBytes()).containsExactly(want);
    }
}
