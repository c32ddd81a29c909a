package dev.starlight.core.analysis.fusion;

import dev.starlight.core.analysis.PlaneGroup;

import dev.starlight.core.Evidence;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an image's evidence into the named features fusion reads. A per-plane statistic ({@code spa.red}) becomes
 * {@code spa@colour} (the mean over red, green, blue), {@code spa@alpha} or {@code spa@index}, valued by its payload
 * estimate where it makes one, else its score. Other evidence ({@code trailer}, {@code meta}, {@code jpeg.calib},
 * {@code extract.alpha}) keeps its name and score. Evidence that did not run gives no feature (read as 0), and
 * model evidence is left to the model rules.
 *
 * <p>Besides, {@code lsb@<group>} is the median of the SPA, RS and WS estimates of a plane group where all three
 * ran: the three estimators err on different covers, and their median has a far lighter tail on clean images than
 * any one of them, which is what an operating point at a low false-positive rate needs.
 */
public final class FusionFeatures {
    /** The scanner's own fused evidence: an output, never an input. */
    public static final String FUSION = "fusion";

    private FusionFeatures() {
    }

    public static Map<String, Double> of(Iterable<Evidence> evidence) {
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
        for (PlaneGroup g : PlaneGroup.values()) {
            Double spa = max.get("spa@" + g.label());
            Double rs = max.get("rs@" + g.label());
            Double ws = max.get("ws@" + g.label());
            if (spa != null && rs != null && ws != null) {
                max.put("lsb@" + g.label(), Math.max(Math.min(spa, rs), Math.min(Math.max(spa, rs), ws)));
            }
        }
        return max;
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
