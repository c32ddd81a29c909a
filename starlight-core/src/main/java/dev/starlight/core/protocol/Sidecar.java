package dev.starlight.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The label file written beside each generated stego file ({@code NAME.EXT.json}), in the reference project's
 * format so that corpora from both projects are interchangeable. Used for evaluation labels only: detection
 * never reads it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sidecar(Embedding embedding, @JsonProperty("clean_file") String cleanFile) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * The reference format's four fields, plus two of ours that generated evaluation sets add (left out when
     * null, so protocol sidecars stay identical to the reference's): the true payload rate of random-position
     * LSB stego in bits per sample, and the SHA-256 of the embedded message, which lets the evaluator check that
     * an extraction is exact.
     */
    @JsonPropertyOrder({"category", "technique", "ai42", "bit_order", "payload_rate", "message_sha256"})
    public record Embedding(String category, String technique, boolean ai42,
                            @JsonProperty("bit_order") String bitOrder,
                            @JsonProperty("payload_rate") Double payloadRate,
                            @JsonProperty("message_sha256") String messageSha256) {

        public Embedding(String category, String technique, boolean ai42, String bitOrder) {
            this(category, technique, ai42, bitOrder, null, null);
        }
    }

    /** This sidecar with the message's SHA-256 recorded. */
    public Sidecar withMessageSha256(String sha256) {
        return new Sidecar(new Embedding(embedding.category(), embedding.technique(), embedding.ai42(),
                embedding.bitOrder(), embedding.payloadRate(), sha256), cleanFile);
    }

    /** The sidecar of random-position LSB stego (a technique outside the protocol) at a known rate. */
    public static Sidecar ofRandomLsb(String technique, double rate, String cleanFile) {
        return new Sidecar(new Embedding("pixel", technique, false, null, rate, null), cleanFile);
    }

    /** The sidecar of DCT-domain stego (jsteg, F5 and the like, outside the protocol) at a known rate in bits per
     *  non-zero AC coefficient. */
    public static Sidecar ofDct(String technique, double rate, String cleanFile) {
        return new Sidecar(new Embedding("dct", technique, false, null, rate, null), cleanFile);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The sidecar for a file made by {@code method}; bit order is recorded for palette and lsb.rgb only. */
    public static Sidecar of(Method method, EmbedOptions options, String cleanFile) {
        boolean ai42 = method == Method.ALPHA || options.ai42();
        String order = method == Method.PALETTE || method == Method.LSB_RGB || method == Method.ALPHA
                ? (method == Method.ALPHA ? BitOrder.LSB_FIRST : options.bitOrder()).label() : null;
        return new Sidecar(new Embedding(method.category(), method.label(), ai42, order), cleanFile);
    }

    public Optional<Method> method() {
        return embedding == null ? Optional.empty() : Method.parse(embedding.technique());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code image + ".json"}. */
    public Path writeBeside(Path image) throws IOException {
        Path path = image.resolveSibling(image.getFileName() + ".json");
        Files.writeString(path, toJson());
        return path;
    }

    /** Reads {@code image + ".json"} when it exists and parses. */
    public static Optional<Sidecar> readBeside(Path image) {
        Path path = image.resolveSibling(image.getFileName() + ".json");
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(path.toFile(), Sidecar.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
