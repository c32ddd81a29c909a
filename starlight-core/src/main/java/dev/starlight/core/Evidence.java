package dev.starlight.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding behind a verdict.
 *
 * @param detector stable name of what looked: {@code extract.alpha}, {@code spa.red}, {@code trailer} ...
 * @param score    0..1, how strongly it points to hidden data; null when the detector could not run
 * @param detail   what it saw, or why it could not run
 * @param estimate the detector's estimate of the embedded payload where it makes one (bits per sample of the
 *                 plane it measured for the LSB statistics); null otherwise, and then left out of the JSON
 * @param method   the {@code ScanResult} method this evidence points to where the detector names one (a model's
 *                 method head); null otherwise, and then left out of the JSON
 * @param kind     what produced it, set by whoever creates it; fusion and the verdict rules read evidence by kind
 */
@JsonPropertyOrder({"detector", "score", "detail", "estimate", "method", "kind"})
public record Evidence(String detector, Double score, String detail,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double estimate,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String method,
                       Kind kind) {

    /** What produced a piece of evidence. Written in the JSON as its lower-case name. */
    public enum Kind {
        /** A statistical or structural detector of the core ({@code spa.red}, {@code trailer}, {@code meta} ...). */
        STATISTIC,
        /** A protocol extraction and its confidence ({@code extract.<method>}). */
        EXTRACTION,
        /** A served ONNX model ({@code model.<name>}). */
        MODEL,
        /** The scanner's fused probability over the statistics ({@code fusion}): an output, never an input. */
        FUSION;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }

        /**
         * The kind of evidence written before the kind was recorded, from the names its producers gave it then:
         * {@code model.<name>}, {@code extract.<method>}, {@code fusion}, and a statistic for anything else.
         */
        static Kind ofUnrecordedName(String detector) {
            if (detector == null) {
                return STATISTIC;
            }
            if (detector.startsWith("model.")) {
                return MODEL;
            }
            if (detector.startsWith("extract.")) {
                return EXTRACTION;
            }
            return detector.equals("fusion") ? FUSION : STATISTIC;
        }
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
    }

    /** A statistic's evidence. */
    public Evidence(String detector, Double score, String detail) {
        this(detector, score, detail, null, null, Kind.STATISTIC);
    }

    /** A statistic's evidence with its payload estimate. */
    public Evidence(String detector, Double score, String detail, Double estimate) {
        this(detector, score, detail, estimate, null, Kind.STATISTIC);
    }

    /** A statistic's evidence with its payload estimate and the method it points to. */
    public Evidence(String detector, Double score, String detail, Double estimate, String method) {
        this(detector, score, detail, estimate, method, Kind.STATISTIC);
    }

    /** Evidence of another kind than a statistic. */
    public Evidence(Kind kind, String detector, Double score, String detail) {
        this(detector, score, detail, null, null, kind);
    }

    /** Reads JSON with or without {@code kind}: results written before it was recorded get it from the name. */
    @JsonCreator
    public static Evidence fromJson(@JsonProperty("detector") String detector, @JsonProperty("score") Double score,
                             @JsonProperty("detail") String detail, @JsonProperty("estimate") Double estimate,
                             @JsonProperty("method") String method, @JsonProperty("kind") Kind kind) {
        return new Evidence(detector, score, detail, estimate, method,
                kind != null ? kind : Kind.ofUnrecordedName(detector));
    }

    public static Evidence notRun(String detector, String why) {
        return new Evidence(detector, null, "not run: " + why, null, null, Kind.STATISTIC);
    }

    /** The first evidence of this kind that has a score (a served model's: {@code Kind.MODEL}), or empty. */
    public static Optional<Evidence> firstScored(List<Evidence> evidence, Kind kind) {
        for (Evidence e : evidence) {
            if (e.kind() == kind && e.score() != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** True when the detector could not run on the image (score is null). */
    public boolean notRunAtAll() {
        return score == null;
    }
}
