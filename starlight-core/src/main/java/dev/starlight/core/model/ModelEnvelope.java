package dev.starlight.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model as published on the {@code starlight.models} topic: who it is, a SHA-256 of its ONNX bytes, and the
 * bytes themselves. Consumers call {@link #fromBytes}, which refuses anything damaged, before loading.
 *
 * <p>Binary layout of {@link #toBytes()} (all integers big-endian):
 * <pre>
 * offset  size  content
 * 0       4     magic "SLME"
 * 4       1     layout version, 1
 * 5       4     H, length of the JSON header in bytes (2 .. 1 MiB)
 * 9       H     UTF-8 JSON: {"name", "version", "sha256" (64 lower-case hex digits), "createdAt" (ISO-8601 instant),
 *               "onnxLength", "metadata" (object of strings, keys sorted)}
 * 9 + H   L     the ONNX model, L = onnxLength bytes, ending exactly at the end of the record
 * </pre>
 *
 * @param name      model name (the topic key)
 * @param version   model version
 * @param sha256    SHA-256 of {@code onnx}, lower-case hex
 * @param createdAt when the model was made
 * @param metadata  free-form strings (provenance, metrics, ...)
 * @param onnx      the ONNX model bytes
 */
public record ModelEnvelope(String name, String version, String sha256, Instant createdAt,
                            Map<String, String> metadata, byte[] onnx) {
    static final byte[] MAGIC = {'S', 'L', 'M', 'E'};
    static final int LAYOUT_VERSION = 1;
    static final int FIXED_HEADER = 9;
    static final int MAX_JSON_HEADER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelEnvelope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        onnx = onnx.clone();
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
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an envelope header", e);
        }
        return ByteBuffer.allocate(FIXED_HEADER + json.length + onnx.length)
                .put(MAGIC).put((byte) LAYOUT_VERSION).putInt(json.length).put(json).put(onnx).array();
    }

    /** Parses and verifies a record value; every defect is a {@link StarlightException}, never a crash. */
    public static ModelEnvelope fromBytes(byte[] bytes) {
        int length = bytes == null ? 0 : bytes.length;
        if (length < FIXED_HEADER) {
            throw new StarlightException(ErrorCode.TRUNCATED, "model envelope is " + length
                    + " bytes, its fixed header needs " + FIXED_HEADER);
        }
        if (!Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
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
                metadata, onnx).verify();
    }

    private static JsonNode parseHeader(byte[] bytes, int headerLength) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, FIXED_HEADER, headerLength, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new StarlightException(ErrorCode.MALFORMED, "model envelope header is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new StarlightException(ErrorCode.MALFORMED, "model envelope header is not valid JSON: "
                    + e.getOriginalMessage());
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
                && Arrays.equals(onnx, e.onnx);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, sha256, createdAt, metadata) * 31 + Arrays.hashCode(onnx);
    }

    @Override
    public String toString() {
        return "ModelEnvelope[" + name + " " + version + ", sha256 " + sha256 + ", " + onnx.length + " bytes, created "
                + createdAt + "]";
    }
}
