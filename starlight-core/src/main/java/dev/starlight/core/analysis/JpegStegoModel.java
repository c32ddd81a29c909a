package dev.starlight.core.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted JPEG classifier over {@link JpegStegoFeatures}: one logistic regression per tool for that tool's stego
 * against clean JPEGs, each with its own operating threshold chosen on clean JPEGs for a false-positive budget in
 * every clean family, and a ridge regression for the embedding rate in bits per non-zero luma AC coefficient. A tool
 * decides a scan only when its held-out false-positive rate was within the budget ({@link #deciding}); the others
 * are reported as evidence. Standardised features are clipped to ±{@link #CLIP} so that one extreme statistic of an
 * unusual image cannot decide alone. Made by {@code starlight jpeg-fit} ({@code JpegStegoFit} in the lab), shipped as
 * {@link #RESOURCE}.
 *
 * @param version    names the fit in the evidence
 * @param provenance command, data checksum, date, seed and figures on its data
 * @param features   feature names, as {@link JpegStegoFeatures#NAMES} at fitting time
 * @param mean       standardisation: subtracted from each feature
 * @param scale      standardisation: divides each feature
 * @param detectors  per tool label ({@code steghide}, {@code outguess}, {@code f5}, {@code jsteg}): that tool's
 *                   stego against clean (a feature the tool's fit did not use has weight 0)
 * @param thresholds per tool label: the logit of its detector at and above which a JPEG is that tool's stego
 * @param deciding   the tools whose calls decide a scan: their held-out FPR was within {@code targetFpr}
 * @param targetFpr  the false-positive budget per clean family the thresholds were set for
 * @param triage     per tool label: the logit of its detector that 90% of that tool's stego in the validation split
 *                   reach: the bar for sending a JPEG on to a slower, surer check ({@link #suspicious})
 * @param rate       linear estimate of bits per non-zero AC coefficient (on standardised features)
 */
@JsonPropertyOrder({"version", "provenance", "features", "mean", "scale", "detectors", "thresholds", "deciding",
        "targetFpr", "triage", "rate"})
public record JpegStegoModel(String version, Map<String, String> provenance, List<String> features, double[] mean,
                             double[] scale, Map<String, Linear> detectors, Map<String, Double> thresholds,
                             List<String> deciding, double targetFpr, Map<String, Double> triage, Linear rate) {
    /** Where the shipped fit lives on the class path. */
    public static final String RESOURCE = "/dev/starlight/core/analysis/jpeg-stego-model.json";
    /** The method named when no tool's detector reaches its operating point. */
    public static final String UNSURE = "jpeg.dct";
    /** Standardised features are clipped to this many standard deviations. */
    public static final double CLIP = 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JpegStegoModel {
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
        triage = triage == null ? Map.of() : Map.copyOf(triage);
        if (!thresholds.keySet().equals(detectors.keySet())) {
            throw new IllegalArgumentException("one threshold per detector: " + thresholds.keySet() + " vs "
                    + detectors.keySet());
        }
    }

    /** weights . standardised features + bias. */
    @JsonPropertyOrder({"weights", "bias"})
    public record Linear(double[] weights, double bias) {
        public double apply(double[] z) {
            double s = bias;
            for (int i = 0; i < weights.length; i++) {
                s += weights[i] * z[i];
            }
            return s;
        }
    }

    /**
     * The outcome for one image.
     *
     * @param probability the score of the tool named (or the highest score), 0.5 at its operating point
     * @param stego       some tool's detector reached its operating point
     * @param method      that tool (a deciding one first, then the highest score), or {@link #UNSURE}
     * @param decided     the tool named is a deciding one: the scan may call the JPEG stego on this result
     * @param rate        estimated bits per non-zero luma AC coefficient, 0 to 1
     * @param scores      per tool, the logistic of its detector's logit minus its threshold (0.5 at the threshold)
     */
    public record Result(double probability, boolean stego, String method, boolean decided, double rate,
                         Map<String, Double> scores) {
    }

    public Result classify(double[] f) {
        if (f.length != features.size()) {
            throw new IllegalArgumentException("expected " + features.size() + " features, got " + f.length);
        }
        double[] z = standardise(f);
        Map<String, Double> scores = new LinkedHashMap<>();
        String top = null;
        String topDeciding = null;
        for (Map.Entry<String, Linear> d : detectors.entrySet()) {
            String tool = d.getKey();
            double score = sigmoid(d.getValue().apply(z) - thresholds.get(tool));
            scores.put(tool, score);
            if (top == null || score > scores.get(top)) {
                top = tool;
            }
            if (score >= 0.5 && deciding.contains(tool)
                    && (topDeciding == null || score > scores.get(topDeciding))) {
                topDeciding = tool;
            }
        }
        double r = Math.max(0, Math.min(1, rate.apply(z)));
        String named = topDeciding != null ? topDeciding : top;
        double p = named == null ? 0 : scores.get(named);
        boolean stego = p >= 0.5;
        return new Result(p, stego, stego ? named : UNSURE, topDeciding != null, r, scores);
    }

    double[] standardise(double[] f) {
        double[] z = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            z[i] = Math.max(-CLIP, Math.min(CLIP, (f[i] - mean[i]) / scale[i]));
        }
        return z;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Whether {@code tool}'s detector reaches its triage bar on these features: true where the fit has no bar for
     * it (nothing can be left out then).
     */
    public boolean suspicious(String tool, double[] f) {
        Double bar = triage.get(tool);
        return bar == null || detectors.get(tool).apply(standardise(f)) >= bar;
    }

    /** Whether the scan may call an image stego on this fit's word for some tool (see {@link #deciding}). */
    public boolean decides() {
        return !deciding.isEmpty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JpegStegoModel fromJson(InputStream in) throws IOException {
        return JSON.readValue(in, JpegStegoModel.class);
    }

    /** The fit shipped with the core, or null when the class path has none or it was made for other features. */
    public static JpegStegoModel shipped() {
        return Shipped.MODEL;
    }

    private static final class Shipped {
        static final JpegStegoModel MODEL = load();

        private static JpegStegoModel load() {
            try (InputStream in = JpegStegoModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                JpegStegoModel m = fromJson(in);
                return m.features().equals(JpegStegoFeatures.NAMES) ? m : null;
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped JPEG stego model does not parse", e);
            }
        }
    }
}
