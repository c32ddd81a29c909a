package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Shared frame of the LSB statistics: runs a statistic on every plane {@link AnalysisPlanes#of} gives and names
 * each result {@code <family>.<plane>} (a detector that computes two families in one pass, like
 * {@link WeightedStego}, gives one result per family and plane). Says why it did not run (lossy or 16-bit image, tiny or constant plane)
 * instead of returning nothing, and turns any failure of a statistic into not-run evidence: it never throws.
 */
abstract class PlaneDetector implements Detector {
    /** Fewest samples a plane needs before any of the statistics means something. */
    static final int MIN_SAMPLES = 64;
    /** Samples per row block of the block-wise rate estimates (see {@link #blockStart}). */
    static final int BLOCK_SAMPLES = 4096;
    /**
     * Smallest share of a plane's samples that must be usable ({@link #usableSamples}) for the rate estimators to
     * run: on a mostly saturated plane the few samples left are scattered along clipped edges, and their estimates
     * are noise (0.4 to 1.0 on clean corpus covers that were 85% saturated).
     */
    static final double MIN_USABLE_SHARE = 0.25;
    /** Estimates at or below this are not checked against the usable samples (see {@link #checkedRate}). */
    static final double CHECK_ABOVE = 0.05;
    /** Fewest usable sample pairs (SPA) or samples (WS) that a row block needs to be solved at all. */
    static final int MIN_BLOCK_USABLE = 16;

    private final String family;
    private final List<String> families;

    /** @param families the evidence families this detector gives, the first being its name */
    PlaneDetector(String... families) {
        this.family = families[0];
        this.families = List.of(families);
    }

    @Override
    public final String name() {
        return family;
    }

    /** The evidence families this detector gives per plane. */
    public final List<String> families() {
        return families;
    }

    @Override
    public final List<Evidence> analyse(DecodedImage image, byte[] file) {
        try {
            if (image == null) {
                return notRun("", "no image");
            }
            String why = AnalysisPlanes.whyNone(image);
            if (why != null) {
                return notRun("", why);
            }
            List<AnalysisPlane> planes = AnalysisPlanes.of(image);
            if (planes.isEmpty()) {
                return notRun("", "no sample planes");
            }
            List<Evidence> out = new ArrayList<>(planes.size() * families.size());
            for (AnalysisPlane plane : planes) {
                out.addAll(onPlane(plane));
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return notRun("", "failed: " + e.getClass().getSimpleName());
        }
    }

    /** One not-run entry per family, named {@code <family><suffix>}. */
    private List<Evidence> notRun(String suffix, String why) {
        List<Evidence> out = new ArrayList<>(families.size());
        for (String f : families) {
            out.add(Evidence.notRun(f + suffix, why));
        }
        return out;
    }

    private List<Evidence> onPlane(AnalysisPlane plane) {
        String suffix = "." + plane.name();
        int w = plane.width();
        int h = plane.height();
        if (plane.samples() == null || (long) w * h != plane.samples().length) {
            return notRun(suffix, "plane size does not match its dimensions");
        }
        if (plane.size() < MIN_SAMPLES || w < 4 || h < 3) {
            return notRun(suffix, "plane too small (" + w + "x" + h + ")");
        }
        if (!AnalysisPlanes.varies(plane.samples())) {
            return notRun(suffix, "constant plane");
        }
        try {
            return analysePlaneFamilies(plane);
        } catch (RuntimeException e) {
            return notRun(suffix, "failed: " + e.getClass().getSimpleName());
        }
    }

    /** Every family's evidence on one plane that is big enough and not constant, in {@link #families} order. */
    List<Evidence> analysePlaneFamilies(AnalysisPlane plane) {
        return List.of(analysePlane(family + "." + plane.name(), plane));
    }

    /** The statistic on one plane that is big enough and not constant (single-family detectors). */
    Evidence analysePlane(String id, AnalysisPlane plane) {
        throw new UnsupportedOperationException(family + " overrides analysePlaneFamilies");
    }

    /** Evidence for a payload-rate estimate: rate clamped to 0..1, score = rate / 0.2 clamped to 0..1. */
    static Evidence rateEvidence(String id, double estimate) {
        if (Double.isNaN(estimate)) {
            return Evidence.notRun(id, "degenerate statistics (no usable sample groups)");
        }
        double rate = clamp01(estimate);
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT, "estimated rate %.3f", rate), rate);
    }

    /**
     * Row blocks of about {@link #BLOCK_SAMPLES} samples that the rate estimators run on separately and then
     * average by sample count. The estimators are exact for a rate that is uniform over the samples they see,
     * but not linear in it: a sequential payload (every sample of a prefix carries a bit, none after it) read as
     * one block is underestimated. Row blocks in embedding order are each uniform but the one where the payload
     * ends, so the block-wise sum is right for random and sequential embedding alike.
     */
    static int blockCount(int w, int h) {
        int rows = Math.max(1, (BLOCK_SAMPLES + w - 1) / w);
        return Math.max(1, Math.round(h / (float) rows));
    }

    /** First row of block b of n over h rows. */
    static int blockStart(int b, int n, int h) {
        return (int) ((long) b * h / n);
    }

    /**
     * Which samples the LSB rate estimators (SPA, RS, WS) use: all but the saturated ones (the lowest and highest
     * LSB pair of the range: 0, 1, 254 and 255 for 8-bit samples) and their four neighbours. Palette indices are
     * used whole: their order means nothing.
     *
     * <p>Why: clipping piles values up at the ends of the range (over-exposed sky, sharpening overshoot, sensor
     * noise on near-white or near-black areas), and next to the clip neither the histogram nor a neighbour
     * predictor behaves as the estimators assume: the zoo's clean noisy and sharpened PNGs gave SPA, RS and WS
     * estimates of 0.35 to 0.6. LSB replacement maps each excluded value to another excluded value, so it never
     * moves a sample into or out of the mask: cover and stego are measured over the same samples, and the
     * estimators stay unbiased on what is left.
     *
     * @return one flag per sample, 1 where usable and 0 where not; null when no sample is saturated
     */
    static byte[] usableSamples(AnalysisPlane plane) {
        return plane.shared().usable(() -> computeUsableSamples(plane));
    }

    private static byte[] computeUsableSamples(AnalysisPlane plane) {
        int band = "index".equals(plane.name()) ? 0 : (plane.maxValue() + 1) / 128;
        if (band == 0) {
            return null;
        }
        int lo = band;
        int hi = plane.maxValue() - band;
        int[] s = plane.samples();
        int n = s.length;
        byte[] saturated = new byte[n];
        int any = 0;
        for (int i = 0; i < n; i++) {
            int v = s[i];
            int out = ((v - lo) | (hi - v)) >>> 31;
            saturated[i] = (byte) out;
            any |= out;
        }
        if (any == 0) {
            return null;
        }
        int w = plane.width();
        // near: saturated here, left, right, above or below (simple loops the JIT vectorises)
        byte[] usable = new byte[n];
        for (int o = 0; o < n; o += w) {
            int last = o + w - 1;
            usable[o] = (byte) (saturated[o] | saturated[Math.min(o + 1, last)]);
            for (int i = o + 1; i < last; i++) {
                usable[i] = (byte) (saturated[i - 1] | saturated[i] | saturated[i + 1]);
            }
            usable[last] = (byte) (saturated[Math.max(last - 1, o)] | saturated[last]);
        }
        for (int i = w; i < n; i++) {
            usable[i] |= saturated[i - w];
        }
        for (int i = 0; i < n - w; i++) {
            usable[i] |= saturated[i + w];
        }
        for (int i = 0; i < n; i++) {
            usable[i] ^= 1;
        }
        return usable;
    }

    /**
     * The rate evidence of one plane from its estimate over all samples. An estimate above {@value #CHECK_ABOVE}
     * is checked against the usable samples ({@link #usableSamples}): the evidence gives the smaller of it and the
     * estimate over the usable samples ({@code overUsable}), or does not run when under
     * {@link #MIN_USABLE_SHARE} of the samples are usable. Lower estimates are taken as they are: the check only
     * ever lowers an estimate, and making it on every plane would double the estimators' cost on clean images.
     */
    static Evidence checkedRate(String id, AnalysisPlane plane, double all, ToDoubleFunction<byte[]> overUsable) {
        if (!(all > CHECK_ABOVE)) {
            return rateEvidence(id, all);
        }
        byte[] usable = usableSamples(plane);
        if (usable == null) {
            return rateEvidence(id, all);
        }
        String why = whyTooSaturated(usable);
        if (why != null) {
            return Evidence.notRun(id, why);
        }
        double kept = overUsable.applyAsDouble(usable);
        return rateEvidence(id, Double.isNaN(kept) ? all : Math.min(all, kept));
    }

    /** Why the rate estimators do not run on a plane with these usable samples, or null when they do. */
    static String whyTooSaturated(byte[] usable) {
        int n = 0;
        for (byte u : usable) {
            n += u;
        }
        double share = (double) n / usable.length;
        return share >= MIN_USABLE_SHARE ? null : String.format(Locale.ROOT,
                "too saturated: %.0f%% of samples are neither saturated nor next to one (needs %.0f%%)",
                100 * share, 100 * MIN_USABLE_SHARE);
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** The smaller-magnitude real root of a x^2 + b x + c, or NaN when there is none. */
    static double smallerRoot(double a, double b, double c) {
        if (Math.abs(a) < 1e-12) {
            return Math.abs(b) < 1e-12 ? Double.NaN : -c / b;
        }
        double d = b * b - 4 * a * c;
        if (d < 0) {
            return -b / (2 * a);
        }
        double s = Math.sqrt(d);
        double r1 = (-b + s) / (2 * a);
        double r2 = (-b - s) / (2 * a);
        return Math.abs(r1) <= Math.abs(r2) ? r1 : r2;
    }
}
