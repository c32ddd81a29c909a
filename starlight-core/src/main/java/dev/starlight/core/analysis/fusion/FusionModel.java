package dev.starlight.core.analysis.fusion;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starlight.core.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuses evidence into one stego probability and a method. {@link StructuralRules} decide first (an appended file,
 * a metadata blob, a scrambled palette); otherwise a logistic regression per {@link FusionGroup} over a few robust
 * {@link FusionFeatures} ({@link #DEFAULT_FEATURES}), trained by {@link FusionTrainer} on labelled data, with an
 * operating threshold chosen on clean images for a false-positive budget. The reported probability is the regression's, re-mapped piecewise
 * linearly so that the operating threshold sits at 0.5 (ranking kept): a result is stego exactly when its
 * probability is at least 0.5, as for every other rule.
 *
 * @param version         names this fit in {@code modelVersion}
 * @param provenance      how it was made: the command, data checksum, seed, code version, figures on its data
 * @param groups          one fitted model per group label
 * @param modelOperatingPoints where a served ONNX model's probability makes a stego verdict, per image group,
 *                        set on the same clean families for the same budget; null when the fit was made without a
 *                        model (a model then decides at 0.5, its own operating point)
 */
@JsonPropertyOrder({"version", "provenance", "groups", "modelOperatingPoints"})
public record FusionModel(String version, Map<String, String> provenance, Map<String, GroupModel> groups,
                          ModelOperatingPoints modelOperatingPoints) {

    /** A fit without model operating points. */
    public FusionModel(String version, Map<String, String> provenance, Map<String, GroupModel> groups) {
        this(version, provenance, groups, null);
    }

    /**
     * The probability at which one served model's verdict counts, per image group. A model's own operating point
     * (0.5) was set on a few validation images per clean family; these are set on the fusion's validation families
     * (hundreds per family), and only ever raise it.
     *
     * @param model      the version of the model they were set for (its envelope's, as results report it in
     *                   {@code modelVersion}); any other model decides at 0.5
     * @param thresholds per group label, the lowest probability that is stego (at least 0.5)
     */
    public record ModelOperatingPoints(String model, Map<String, Double> thresholds) {
        /** Where the model of this version makes a stego verdict in this group. */
        public double threshold(String servedModelVersion, String group) {
            if (!model.equals(servedModelVersion)) {
                return DEFAULT_MODEL_THRESHOLD;
            }
            return Math.max(DEFAULT_MODEL_THRESHOLD, thresholds.getOrDefault(group, DEFAULT_MODEL_THRESHOLD));
        }
    }

    /** A model probability at or above this is stego, unless the fit's model operating points say higher. */
    public static final double DEFAULT_MODEL_THRESHOLD = 0.5;
    /** Smallest image (128×128) on which the fitted regression decides. */
    public static final long MIN_PIXELS = 128 * 128;

    /** Where the shipped fit lives on the class path. */
    public static final String RESOURCE = "/dev/starlight/core/analysis/fusion-model.json";

    /**
     * The features each group's regression reads: the LSB rate estimate that SPA, RS and WS all reach (their
     * smallest) on the colour and alpha planes (true-colour), on the index plane, and paired palette entries
     * (indexed). Detectors left out (the chi-square
     * p-values, the sequential end points, the LSB-matching HCF, and the DCT statistics, so lossy images have no
     * regression and only the structural rules decide there) still report their evidence, but their tails on clean
     * covers are too heavy for a low false-positive operating point: on the corpus, clean JPEGs reach a
     * {@code jpeg.calib} score of 0.99, clean true-colour images an {@code lsbm} score of 1.0, and held-out clean
     * covers a {@code wsseq} end point almost three times the highest of the calibration covers.
     */
    public static final Map<String, List<String>> DEFAULT_FEATURES = Map.of(
            FusionGroup.TRUECOLOUR.label(), List.of("lsb@colour", "lsb@alpha"),
            FusionGroup.GREY.label(), List.of("lsb@colour", "lsb@alpha"),
            FusionGroup.INDEXED.label(), List.of("lsb@index", "palette.unused"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param features  feature names, in weight order
     * @param mean      standardisation: subtracted from each feature
     * @param scale     standardisation: divides each feature
     * @param weights   regression weights on standardised features
     * @param bias      intercept
     * @param threshold raw probability at and above which an image is stego
     * @param targetFpr the false-positive budget the threshold was chosen for
     */
    @JsonPropertyOrder({"features", "mean", "scale", "weights", "bias", "threshold", "targetFpr"})
    public record GroupModel(List<String> features, double[] mean, double[] scale, double[] weights, double bias,
                             double threshold, double targetFpr) {

        public double rawProbability(Map<String, Double> values) {
            return sigmoid(logit(values));
        }

        double logit(Map<String, Double> values) {
            double z = bias;
            for (int i = 0; i < features.size(); i++) {
                z += weights[i] * standardised(i, values);
            }
            return z;
        }

        double standardised(int i, Map<String, Double> values) {
            return (values.getOrDefault(features.get(i), 0.0) - mean[i]) / scale[i];
        }

        /** The feature that pushed the logit up the most, or null when none did. */
        String strongest(Map<String, Double> values) {
            String best = null;
            double most = 0;
            for (int i = 0; i < features.size(); i++) {
                double c = weights[i] * standardised(i, values);
                if (c > most) {
                    most = c;
                    best = features.get(i);
                }
            }
            return best;
        }
    }

    /**
     * The fused outcome for one image.
     *
     * @param strongestFeature the rule's detector or the feature that pushed the regression up most; null if none
     * @param note             why the regression did not decide (no fit for the group, image too small); else null
     * @param modelThreshold   where the served model's probability is stego for this image
     *                         ({@link ModelOperatingPoints}; {@link #DEFAULT_MODEL_THRESHOLD} without them)
     */
    public record Fused(double probability, boolean stego, String method, String strongestFeature, String group,
                        String note, double modelThreshold) {

        /** One line for the {@code fusion} evidence. */
        public String detail() {
            return "group " + group + (strongestFeature == null ? "" : ", strongest " + strongestFeature)
                    + (note == null ? "" : "; " + note);
        }
    }

    /**
     * @param pixels the image's pixel count: below {@link #MIN_PIXELS} only the structural rules decide, because the
     *               LSB estimates of a small image scatter more than the thresholds (set on 256×256 covers) allow
     */
    public Fused fuse(String format, List<Evidence> evidence, long pixels) {
        return fuse(format, evidence, pixels, null);
    }

    /**
     * @param servedModelVersion the version of the model whose evidence is among these ({@code modelVersion}), or
     *                           null: where the fit has operating points for it, they say where it decides
     */
    public Fused fuse(String format, List<Evidence> evidence, long pixels, String servedModelVersion) {
        FusionFeatures.Input input = FusionFeatures.input(format, evidence);
        Map<String, Double> values = input.features();
        FusionGroup group = input.group();
        double modelThreshold = modelOperatingPoints == null || servedModelVersion == null ? DEFAULT_MODEL_THRESHOLD
                : modelOperatingPoints.threshold(servedModelVersion, group.label());
        Optional<StructuralRules.Hit> hit = StructuralRules.firing(evidence);
        if (hit.isPresent()) {
            return new Fused(hit.get().score(), true, hit.get().rule().method(), hit.get().rule().detector(),
                    group.label(), "structural rule", modelThreshold);
        }
        GroupModel model = groups.get(group.label());
        if (model == null || pixels < MIN_PIXELS) {
            String note = model == null ? "no fitted regression for this group (structural rules only)"
                    : "image under " + MIN_PIXELS + " pixels: too small for the regression (structural rules only)";
            return new Fused(0.0, false, null, null, group.label(), note, modelThreshold);
        }
        double raw = model.rawProbability(values);
        double p = remap(raw, model.threshold());
        String strongest = model.strongest(values);
        boolean stego = raw >= model.threshold();
        return new Fused(p, stego, stego && strongest != null ? FusionFeatures.methodOf(strongest) : null,
                strongest, group.label(), null, modelThreshold);
    }

    /** Piecewise linear, monotone, threshold → 0.5. */
    static double remap(double raw, double threshold) {
        if (threshold <= 0 || threshold >= 1) {
            return raw;
        }
        return raw < threshold ? 0.5 * raw / threshold : 0.5 + 0.5 * (raw - threshold) / (1 - threshold);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FusionModel fromJson(InputStream in) throws IOException {
        return JSON.readValue(in, FusionModel.class);
    }

    /** The fit shipped with the core, or null when the class path has none. */
    public static FusionModel shipped() {
        return Shipped.MODEL;
    }

    private static final class Shipped {
        static final FusionModel MODEL = load();

        private static FusionModel load() {
            try (InputStream in = FusionModel.class.getResourceAsStream(RESOURCE)) {
                return in == null ? null : fromJson(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped fusion model does not parse", e);
            }
        }
    }
}
