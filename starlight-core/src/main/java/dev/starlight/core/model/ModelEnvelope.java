package dev.starlight.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model as published on the {@code starlight.models} topic: who it is, a SHA-256 of its ONNX bytes, the bytes
 * themselves and, optionally, an Ed25519 signature. Consumers call {@link #fromBytes}, which refuses anything damaged,
 * before loading; a consumer that only accepts models from known publishers then checks the signature with
 * {@link TrustedKeys#verify}.
 *
 * <p>Binary layout of {@link #toBytes()} (all integers big-endian):
 * <pre>
 * offset  size  content
 * 0       4     magic "SLME"
 * 4       1     layout version, 1
 * 5       4     H, length of the JSON header in bytes (2 .. 1 MiB)
 * 9       H     UTF-8 JSON: {"name", "version", "sha256" (64 lower-case hex digits), "createdAt" (ISO-8601 instant),
 *               "onnxLength", "metadata" (object of strings, keys sorted)
 *               [, "keyId", "signature" (base64), both or neither]}
 * 9 + H   L     the ONNX model, L = onnxLength bytes, ending exactly at the end of the record
 * </pre>
 *
 * <p>The signature is Ed25519 over {@link #canonicalBytes()}: the UTF-8 strings below, each preceded by its length
 * in bytes as a 4-byte big-endian integer, in this order: {@code "SLME-signature-1"}, name, version, sha256,
 * createdAt (ISO-8601 as {@link Instant#toString()} writes it), onnxLength (decimal), the number of metadata entries
 * (decimal), then key and value of each metadata entry in key order. The ONNX bytes are covered through sha256,
 * which {@link #fromBytes} always checks. {@code keyId} names the signing key ({@link Ed25519Keys#keyId}); it is
 * not signed, since a changed keyId only selects a key that does not verify. Envelopes without the two fields
 * (every envelope written before signing existed) still parse; they are unsigned.
 *
 * @param name      model name (the topic key)
 * @param version   model version
 * @param sha256    SHA-256 of {@code onnx}, lower-case hex
 * @param createdAt when the model was made
 * @param metadata  free-form strings (provenance, metrics, ...)
 * @param onnx      the ONNX model bytes
 * @param signature the publisher's signature, or null when unsigned
 */
public record ModelEnvelope(String name, String version, String sha256, Instant createdAt,
                            Map<String, String> metadata, byte[] onnx, EnvelopeSignature signature) {
    static final byte[] MAGIC = {'S', 'L', 'M', 'E'};
    static final int LAYOUT_VERSION = 1;
    static final int FIXED_HEADER = 9;
    static final int MAX_JSON_HEADER = 1 << 20;
    static final String SIGNATURE_DOMAIN = "SLME-signature-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelEnvelope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        onnx = onnx.clone();
    }

    /** An unsigned envelope. */
    public ModelEnvelope(String name, String version, String sha256, Instant createdAt, Map<String, String> metadata,
                         byte[] onnx) {
        this(name, version, sha256, createdAt, metadata, onnx, null);
    }

    /** An envelope for ONNX bytes, with their checksum computed. */
    public static ModelEnvelope of(String name, String version, Instant createdAt, Map<String, String> metadata,
                                   byte[] onnx) {
        return new ModelEnvelope(name, version, sha256Hex(onnx), createdAt, metadata, onnx);
    }

    @Override
    public byte[] onnx() {
        return onnx.clone();
    }

    public boolean signed() {
        return signature != null;
    }

    /** This envelope with {@code signature} in place of any it had. */
    public ModelEnvelope withSignature(EnvelopeSignature signature) {
        return new ModelEnvelope(name, version, sha256, createdAt, metadata, onnx, signature);
    }

    /** The bytes a signature covers, as defined in the class comment. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, SIGNATURE_DOMAIN);
        field(out, name);
        field(out, version);
        field(out, sha256);
        field(out, createdAt.toString());
        field(out, Long.toString(onnx.length));
        field(out, Integer.toString(metadata.size()));
        metadata.forEach((k, v) -> {
            field(out, k);
            field(out, v);
        });
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    /** Returns this envelope when its checksum matches its bytes; throws {@link ErrorCode#MALFORMED} otherwise. */
    public ModelEnvelope verify() {
        String actual = sha256Hex(onnx);
        if (!actual.equals(sha256)) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope checksum mismatch: header says "
                    + sha256 + ", the " + onnx.length + " ONNX bytes hash to " + actual);
        }
        return this;
    }

    /** The record value for Kafka, in the layout described above. */
    public byte[] toBytes() {
        ObjectNode header = JSON.createObjectNode();
        header.put("name", name);
        header.put("version", version);
        header.put("sha256", sha256);
        header.put("createdAt", createdAt.toString());
        header.put("onnxLength", onnx.length);
        ObjectNode meta = header.putObject("metadata");
        metadata.forEach(meta::put);
        if (signature != null) {
            header.put("keyId", signature.keyId());
            header.put("signature", Base64.getEncoder().encodeToString(signature.bytes()));
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an envelope header", e);
        }
        return ByteBuffer.allocate(FIXED_HEADER + json.length + onnx.length)
                .put(MAGIC).put((byte) LAYOUT_VERSION).putInt(json.length).put(json).put(onnx).array();
    }

    /**
     * True when {@code bytes} start with the envelope's magic {@code "SLME"}: a model file is an envelope (read it
     * with {@link #fromBytes}), not bare ONNX. Says nothing about the rest being intact.
     */
    public static boolean isEnvelope(byte[] bytes) {
        return bytes != null && bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0,
                MAGIC.length);
    }

    /** Parses and verifies a record value; every defect is a {@link StarlightException}, never a crash. */
    public static ModelEnvelope fromBytes(byte[] bytes) {
        int length = bytes == null ? 0 : bytes.length;
        if (length < FIXED_HEADER) {
            throw new StarlightException(ErrorCode.TRUNCATED, "model envelope is " + length
                    + " bytes, its fixed header needs " + FIXED_HEADER);
        }
        if (!isEnvelope(bytes)) {
            throw new StarlightException(ErrorCode.MALFORMED, "not a model envelope: magic at offset 0 is "
                    + HexFormat.of().formatHex(bytes, 0, 4) + ", expected " + HexFormat.of().formatHex(MAGIC));
        }
        if (bytes[4] != LAYOUT_VERSION) {
            throw new StarlightException(ErrorCode.UNSUPPORTED_FEATURE, "model envelope layout version "
                    + (bytes[4] & 0xFF) + " at offset 4; this reader knows " + LAYOUT_VERSION);
        }
        long headerLength = ByteBuffer.wrap(bytes, 5, 4).getInt() & 0xFFFFFFFFL;
        if (headerLength < 2 || headerLength > MAX_JSON_HEADER) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope header length " + headerLength
                    + " at offset 5 is outside 2.." + MAX_JSON_HEADER);
        }
        if (FIXED_HEADER + headerLength > length) {
            throw new StarlightException(ErrorCode.TRUNCATED, "model envelope header of " + headerLength
                    + " bytes at offset " + FIXED_HEADER + " runs past the end (" + length + " bytes)");
        }
        int onnxStart = FIXED_HEADER + (int) headerLength;
        JsonNode header = parseHeader(bytes, (int) headerLength);
        long onnxLength = header.path("onnxLength").asLong(-1);
        long available = length - onnxStart;
        if (onnxLength < 0 || onnxLength != available) {
            throw new StarlightException(onnxLength > available ? ErrorCode.TRUNCATED : ErrorCode.MALFORMED,
                    "model envelope declares " + onnxLength + " ONNX bytes at offset " + onnxStart + ", "
                            + available + " follow");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(header, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope createdAt is not an ISO-8601 instant: "
                    + header.path("createdAt").asText());
        }
        Map<String, String> metadata = new TreeMap<>();
        JsonNode meta = header.path("metadata");
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope metadata is not an object");
        }
        if (meta.isObject()) {
            for (Map.Entry<String, JsonNode> e : meta.properties()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        byte[] onnx = Arrays.copyOfRange(bytes, onnxStart, length);
        return new ModelEnvelope(text(header, "name"), text(header, "version"), text(header, "sha256"), createdAt,
                metadata, onnx, signature(header)).verify();
    }

    private static EnvelopeSignature signature(JsonNode header) {
        if (!header.has("keyId") && !header.has("signature")) {
            return null;
        }
        String keyId = text(header, "keyId");
        try {
            return new EnvelopeSignature(keyId, Base64.getDecoder().decode(text(header, "signature")));
        } catch (IllegalArgumentException e) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope signature is not base64");
        }
    }

    private static JsonNode parseHeader(byte[] bytes, int headerLength) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, FIXED_HEADER, headerLength, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new StarlightException(ErrorCode.MALFORMED, "model envelope header is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the offending text; a log line must not carry record bytes
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope header is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ")");
        }
    }

    private static String text(JsonNode header, String field) {
        JsonNode value = header.get(field);
        if (value == null || !value.isTextual()) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope header lacks the text field " + field);
        }
        return value.asText();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelEnvelope e && name.equals(e.name) && version.equals(e.version)
                && sha256.equals(e.sha256) && createdAt.equals(e.createdAt) && metadata.equals(e.metadata)
                && Arrays.equals(onnx, e.onnx) && Objects.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, sha256, createdAt, metadata, signature) * 31 + Arrays.hashCode(onnx);
    }

    @Override
    public String toString() {
        return "ModelEnvelope[" + name + " " + version + ", sha256 " + sha256 + ", " + onnx.length + " bytes, created "
                + createdAt + (signature == null ? ", unsigned" : ", signed by " + signature.keyId()) + "]";
    }
}
