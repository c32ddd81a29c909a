package dev.starlight.core.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The fitted JPEG classifier over {@link JpegStegoFeatures}: one logistic regression per tool for that tool's stego
 * against clean JPEGs, the highest of their probabilities compared with an operating threshold chosen on clean
 * JPEGs for a false-positive budget; one logistic regression per tool (that tool against the other tools, fitted
 * on stego only) to name the method; and a ridge regression for the embedding rate in bits per non-zero luma AC
 * coefficient. Standardised features are clipped to ±{@link #CLIP} so that one extreme statistic of an unusual
 * image cannot decide alone. Made by {@code starlight jpeg-fit} ({@code JpegStegoFit} in the
 * lab), shipped as {@link #RESOURCE}.
 *
 * @param version    names the fit in the evidence
 * @param provenance command, data checksum, date, seed and figures on its data
 * @param features   feature names, as {@link JpegStegoFeatures#NAMES} at fitting time
 * @param mean       standardisation: subtracted from each feature
 * @param scale      standardisation: divides each feature
 * @param detectors  per tool label: that tool's stego against clean
 * @param threshold  the highest raw probability of {@code detectors} at and above which a JPEG is stego
 * @param targetFpr  the false-positive budget the threshold was set for
 * @param tools      per tool label ({@code steghide}, {@code outguess}, {@code f5}, {@code jsteg}): that tool
 *                   against the others
 * @param rate       linear estimate of bits per non-zero AC coefficient (on standardised features)
 */
@JsonPropertyOrder({"version", "provenance", "features", "mean", "scale", "detectors", "threshold", "targetFpr",
        "tools", "rate"})
public record JpegStegoModel(String version, Map<String, String> provenance, List<String> features, double[] mean,
                             double[] scale, Map<String, Linear> detectors, double threshold, double targetFpr,
                             Map<String, Linear> tools, Linear rate) {
    /** Where the shipped fit lives on the class path. */
    public static final String RESOURCE = "/dev/starlight/core/analysis/jpeg-stego-model.json";
    /** The method named when the tool heads agree on none. */
    public static final String UNSURE = "jpeg.dct";
    /**
     * Provenance key: {@code "true"} when the fit's held-out FPR was within {@link #targetFpr()} on every clean family,
     * so that its verdicts may decide a scan; otherwise its evidence is reported and decides nothing.
     */
    public static final String DECIDES = "decides";
    /** A tool head must reach this probability to name its tool. */
    static final double TOOL_CONFIDENCE = 0.5;
    /** Standardised features are clipped to this many standard deviations. */
    public static final double CLIP = 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
     * @param raw         the highest of the tool detectors' probabilities
     * @param probability {@code raw} mapped piecewise linearly so that the threshold sits at 0.5
     * @param stego       raw at or above the threshold
     * @param method      the named tool, or {@link #UNSURE}
     * @param rate        estimated bits per non-zero luma AC coefficient, 0 to 1
     */
    public record Result(double raw, double probability, boolean stego, String method, double rate) {
    }

    public Result classify(double[] f) {
        if (f.length != features.size()) {
            throw new IllegalArgumentException("expected " + features.size() + " features, got " + f.length);
        }
        double[] z = standardise(f);
        double raw = 0;
        for (Linear d : detectors.values()) {
            raw = Math.max(raw, sigmoid(d.apply(z)));
        }
        String method = UNSURE;
        double best = TOOL_CONFIDENCE;
        for (Map.Entry<String, Linear> t : tools.entrySet()) {
            double p = sigmoid(t.getValue().apply(z));
            if (p >= best) {
                best = p;
                method = t.getKey();
            }
        }
        double r = Math.max(0, Math.min(1, rate.apply(z)));
        return new Result(raw, remap(raw, threshold), raw >= threshold, method, r);
    }

    double[] standardise(double[] f) {
        double[] z = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            z[i] = Math.max(-CLIP, Math.min(CLIP, (f[i] - mean[i]) / scale[i]));
        }
        return z;
    }

    /** Piecewise linear, monotone, threshold maps to 0.5. */
    static double remap(double raw, double threshold) {
        if (threshold <= 0 || threshold >= 1) {
            return raw;
        }
        return raw < threshold ? 0.5 * raw / threshold : 0.5 + 0.5 * (raw - threshold) / (1 - threshold);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the scan may call an image stego on this fit's word alone (see {@link #DECIDES}). */
    public boolean decides() {
        return provenance != null && "true".equals(provenance.get(DECIDES));
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
