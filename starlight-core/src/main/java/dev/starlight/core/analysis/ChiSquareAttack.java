package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * The chi-square attack of A. Westfeld, A. Pfitzmann, "Attacks on steganographic systems", Information Hiding
 * 1999, in its two forms from one histogram per plane.
 *
 * <p>{@code chi2}, over the whole plane: the score is the p-value that each pair of values (2k, 2k+1) is equally
 * frequent, as LSB replacement of every sample makes them. It gives no payload rate (estimate null): a high
 * p-value says the pairs are balanced, which full-rate embedding causes but smooth-histogram covers can show too.
 *
 * <p>{@code chi2seq}, read as a change point. LSB replacement from the first sample equalises the counts of each
 * pair of values in the embedded prefix and leaves the cover's imbalance after it. The imbalance statistic
 * {@code Σₖ (n₂ₖ − n₂ₖ₊₁)² / (n₂ₖ + n₂ₖ₊₁)} of the samples after a candidate end point e grows while e passes
 * through embedded samples (they add counts but no imbalance) and falls once e enters the cover, so the end is its
 * maximum over e, checked every 1/512 of the plane in row-major order. The estimate is e / samples. When even the
 * best suffix is balanced (p-value of the pairs-of-values test above {@value #MAX_SUFFIX_P}) there is no cover
 * imbalance to find an end against (a payload over the whole plane, or a cover with a smooth histogram): the
 * evidence then has score 0 and no estimate, and {@code chi2} speaks for the whole plane.
 */
public final class ChiSquareAttack extends PlaneDetector {
    /** Largest p-value of the best suffix for which an end point is reported. */
    static final double MAX_SUFFIX_P = 0.01;

    public ChiSquareAttack() {
        super("chi2", "chi2seq");
    }

    @Override
    List<Evidence> analysePlaneFamilies(AnalysisPlane plane) {
        int[] s = plane.samples();
        int[][] prefixes = prefixHistograms(s, plane.maxValue());
        int[] histogram = prefixes[prefixes.length - 1];
        return List.of(whole("chi2." + plane.name(), histogram),
                sequential("chi2seq." + plane.name(), s, plane.width(), prefixes));
    }

    /** Candidate end points of a sequential payload are every {@code step(n)}-th sample: 512 over a plane. */
    static int step(int samples) {
        return Math.max(PlaneDetector.MIN_SAMPLES, samples / 512);
    }

    /**
     * The histograms of the first 0, step, 2·step, ... samples (the last over all of them), in one pass. Bins past
     * the largest value are zero, which neither statistic counts.
     */
    static int[][] prefixHistograms(int[] s, int maxValue) {
        int size = Math.max(maxValue, 255) + 2;
        int step = step(s.length);
        int points = (s.length + step - 1) / step;
        int[][] prefixes = new int[points + 1][];
        int[] running = new int[size];
        prefixes[0] = running.clone();
        int i = 0;
        for (int k = 1; k <= points; k++) {
            int next = Math.min(s.length, i + step);
            for (; i < next; i++) {
                running[s[i]]++;
            }
            prefixes[k] = running.clone();
        }
        return prefixes;
    }

    private static Evidence whole(String id, int[] histogram) {
        double p = ChiSquare.pValue(histogram);
        if (Double.isNaN(p)) {
            return Evidence.notRun(id, "fewer than 2 pairs of values with " + ChiSquare.MIN_PAIR_COUNT + " samples");
        }
        return new Evidence(id, p, String.format(Locale.ROOT, "pairs-of-values p-value %.3f", p));
    }

    private static Evidence sequential(String id, int[] s, int w, int[][] prefixes) {
        double[] fit = fit(s.length, prefixes);
        long end = (long) fit[0];
        double p = fit[1];
        if (Double.isNaN(p)) {
            return Evidence.notRun(id, "fewer than 2 pairs of values with " + ChiSquare.MIN_PAIR_COUNT + " samples");
        }
        if (p > MAX_SUFFIX_P) {
            return new Evidence(id, 0.0, String.format(Locale.ROOT,
                    "pairs of values balanced after every end point (p-value %.3f): no end point located", p));
        }
        double rate = (double) end / s.length;
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT,
                "pair balance ends near sample %d (row %d, column %d): estimated rate %.3f",
                end, end / w, end % w, rate), rate);
    }

    /**
     * {end, p-value of the samples after it}: the end point that leaves the most unbalanced suffix.
     *
     * @param suffix the plane's histogram; consumed
     */
    static double[] fit(int samples, int[][] prefixes) {
        int step = step(samples);
        int[] total = prefixes[prefixes.length - 1];
        double best = -1;
        int bestPoint = 0;
        for (int k = 0; k < prefixes.length; k++) {
            double chi = suffixImbalance(total, prefixes[k]);
            if (chi > best) {
                best = chi;
                bestPoint = k;
            }
        }
        int[] rest = new int[total.length];
        for (int v = 0; v < total.length; v++) {
            rest[v] = total[v] - prefixes[bestPoint][v];
        }
        return new double[] {Math.min((long) bestPoint * step, samples), ChiSquare.pValue(rest)};
    }

    /** Σ (n₂ₖ − n₂ₖ₊₁)² / (n₂ₖ + n₂ₖ₊₁) over pairs with samples, of the histogram {@code total − prefix}. */
    private static double suffixImbalance(int[] total, int[] prefix) {
        double chi = 0;
        for (int k = 0; k + 1 < total.length; k += 2) {
            int even = total[k] - prefix[k];
            int odd = total[k + 1] - prefix[k + 1];
            int sum = even + odd;
            if (sum > 0) {
                double d = even - odd;
                chi += d * d / sum;
            }
        }
        return chi;
    }
}
