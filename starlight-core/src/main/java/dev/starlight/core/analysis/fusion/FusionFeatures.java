package dev.starlight.core.analysis.fusion;

import dev.starlight.core.analysis.PlaneGroup;

import dev.starlight.core.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an image's evidence into the named features fusion reads. A per-plane statistic ({@code spa.red}) becomes
 * {@code spa@colour} (the mean over red, green, blue), {@code spa@alpha} or {@code spa@index}, valued by its payload
 * estimate where it makes one, else its score. Other evidence ({@code trailer}, {@code meta}, {@code jpeg.calib},
 * {@code extract.alpha}) keeps its name and score. Evidence that did not run gives no feature (read as 0), and
 * model evidence is left to the model rules.
 *
 * <p>Besides, {@code lsb@<group>} is the LSB replacement rate that every plane of the group and all three
 * estimators agree on ({@link #agreedRate}). Replacement at rate p spreads over every plane and moves SPA, RS and WS
 * to about p, while a cover fools them one or two, on one or two planes, at a time: a sharpened graphic whose
 * dithered background SPA and WS read at 0.6 to 0.9 has a plane RS reads at 0; resampled line art reads 0.3 to 0.5
 * by SPA and RS with WS at 0.2. The agreement is the smallest of the three estimators' means over the planes, but
 * never more than the smallest single estimate plus a slack (0.05, or as much again): the means are what make the
 * rate precise (on 256² covers one estimate on one plane is off by up to ±0.1, so the smallest of nine sat at 0 on a
 * tenth of the held-out covers carrying 0.1), and the cap is what keeps one fooled estimator from carrying it.
 * Measured on the lossless images of the clean zoo's validation split (437 per family) and the corpus holdout: the
 * smallest of the nine alone ranks replacement at 0.05 / 0.1 against clean covers at AUC 0.76 / 0.85, this at
 * 0.97 / 0.99, with the same 0.5%-per-family boundary (0.28, set by dithered flat areas of resized PNGs that every
 * estimator reads as embedding on every plane).
 */
public final class FusionFeatures {
    /** The scanner's own fused evidence: an output, never an input. */
    public static final String FUSION = "fusion";

    /** The LSB replacement rate estimators whose agreement {@code lsb@<group>} is. */
    private static final List<String> ESTIMATORS = List.of("spa", "rs", "ws");

    private FusionFeatures() {
    }

    /** An image's features and the fusion group they put it in, read from its evidence in one go. */
    public record Input(Map<String, Double> features, FusionGroup group) {
    }

    /** The features of an image of this format and its group (true-colour images agreed on one plane are grey). */
    public static Input input(String format, Iterable<Evidence> evidence) {
        Map<PlaneGroup, List<double[]>> agreeing = agreeingPlanes(evidence);
        Map<String, Double> features = of(evidence, agreeing);
        int colourPlanes = agreeing.getOrDefault(PlaneGroup.COLOUR, List.of()).size();
        return new Input(features, FusionGroup.of(format, features, colourPlanes));
    }

    public static Map<String, Double> of(Iterable<Evidence> evidence) {
        return of(evidence, agreeingPlanes(evidence));
    }

    private static Map<String, Double> of(Iterable<Evidence> evidence, Map<PlaneGroup, List<double[]>> agreeing) {
        Map<String, Double> max = new TreeMap<>();
        Map<String, double[]> colour = new TreeMap<>();
        for (Evidence e : evidence) {
            if (e.score() == null || e.kind() == Evidence.Kind.MODEL || e.kind() == Evidence.Kind.FUSION) {
                continue;
            }
            String name = e.detector();
            int dot = name.lastIndexOf('.');
            PlaneGroup group = dot < 0 || e.kind() == Evidence.Kind.EXTRACTION ? null
                    : PlaneGroup.of(name.substring(dot + 1));
            if (group == null) {
                max.merge(name, e.score(), Math::max);
                continue;
            }
            String key = name.substring(0, dot) + "@" + group.label();
            double value = e.estimate() != null ? e.estimate() : e.score();
            if (!Double.isFinite(value)) {
                continue;
            }
            if (group == PlaneGroup.COLOUR) {
                double[] sumCount = colour.computeIfAbsent(key, k -> new double[2]);
                sumCount[0] += value;
                sumCount[1]++;
            } else {
                max.merge(key, value, Math::max);
            }
        }
        colour.forEach((key, sc) -> max.put(key, sc[0] / sc[1]));
        agreeing.forEach((group, planes) -> max.put("lsb@" + group.label(), agreedRate(planes)));
        return max;
    }

    /** Slack by which the agreed rate may exceed the smallest single estimate: at least this, or that estimate again. */
    static final double AGREEMENT_SLACK = 0.05;

    /**
     * The agreed rate of planes whose SPA, RS and WS estimates are given (one array of the three per plane): the
     * smallest of the three estimators' means over the planes, capped at the smallest single estimate plus
     * {@link #AGREEMENT_SLACK} or twice that estimate, whichever is more. On one plane it is the smallest estimate.
     */
    static double agreedRate(List<double[]> planes) {
        double smallest = Double.POSITIVE_INFINITY;
        double[] sums = new double[ESTIMATORS.size()];
        for (double[] estimates : planes) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += estimates[i];
                smallest = Math.min(smallest, estimates[i]);
            }
        }
        double smallestMean = Double.POSITIVE_INFINITY;
        for (double sum : sums) {
            smallestMean = Math.min(smallestMean, sum / planes.size());
        }
        return Math.min(smallestMean, Math.max(smallest + AGREEMENT_SLACK, 2 * smallest));
    }

    /** Per plane group: the SPA, RS and WS estimates (in that order) of each plane where all three ran. */
    private static Map<PlaneGroup, List<double[]>> agreeingPlanes(Iterable<Evidence> evidence) {
        Map<String, double[]> byPlane = new TreeMap<>();
        for (Evidence e : evidence) {
            String name = e.detector();
            int dot = name.lastIndexOf('.');
            if (dot < 0 || e.score() == null || e.kind() != Evidence.Kind.STATISTIC
                    || !ESTIMATORS.contains(name.substring(0, dot)) || PlaneGroup.of(name.substring(dot + 1)) == null) {
                continue;
            }
            double value = e.estimate() != null ? e.estimate() : e.score();
            if (Double.isFinite(value)) {
                double[] estimates = byPlane.computeIfAbsent(name.substring(dot + 1), p -> missingEstimates());
                estimates[ESTIMATORS.indexOf(name.substring(0, dot))] = value;
            }
        }
        Map<PlaneGroup, List<double[]>> byGroup = new TreeMap<>();
        byPlane.forEach((plane, estimates) -> {
            if (Arrays.stream(estimates).noneMatch(Double::isNaN)) {
                byGroup.computeIfAbsent(PlaneGroup.of(plane), g -> new ArrayList<>()).add(estimates);
            }
        });
        return byGroup;
    }

    /** One slot per estimator, NaN until that estimator's evidence is read. */
    private static double[] missingEstimates() {
        double[] estimates = new double[ESTIMATORS.size()];
        Arrays.fill(estimates, Double.NaN);
        return estimates;
    }

    /** The method a feature points to: the plane group's for per-plane statistics, else by its family. */
    public static String methodOf(String feature) {
        int at = feature.indexOf('@');
        if (at >= 0) {
            for (PlaneGroup g : PlaneGroup.values()) {
                if (g.label().equals(feature.substring(at + 1))) {
                    return g.method();
                }
            }
        }
        if (feature.startsWith("trailer")) {
            return "raw";
        }
        if (feature.startsWith("meta")) {
            return "exif";
        }
        if (feature.startsWith("palette")) {
            return "palette";
        }
        if (feature.startsWith("extract.")) {
            return feature.substring("extract.".length());
        }
        return "other";
    }
}
