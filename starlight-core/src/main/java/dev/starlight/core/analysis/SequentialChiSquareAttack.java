package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;
import java.util.Locale;

/**
 * The sequential chi-square attack of A. Westfeld, A. Pfitzmann, "Attacks on steganographic systems",
 * Information Hiding 1999: the pairs-of-values p-value (see {@link ChiSquareAttack}) of growing row-major
 * prefixes, in steps of about 1/512 of the plane. A payload embedded from the first sample keeps the prefix
 * p-value near 1 until it ends and then lets it fall; the end is the last prefix whose p-value is still at least
 * ½, and the estimate is that prefix's share of the samples. Family {@code chi2seq}.
 */
public final class SequentialChiSquareAttack extends PlaneDetector {

    public SequentialChiSquareAttack() {
        super("chi2seq");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int[] s = plane.samples();
        long end = endOf(s, plane.maxValue());
        if (end < 0) {
            return Evidence.notRun(id, "fewer than 2 pairs of values with " + ChiSquare.MIN_PAIR_COUNT + " samples");
        }
        double rate = (double) end / s.length;
        int w = plane.width();
        return new Evidence(id, clamp01(rate / 0.2), String.format(Locale.ROOT,
                "prefix p-value stays >= 0.5 up to sample %d (row %d, column %d): estimated rate %.3f",
                end, end / w, end % w, rate), rate);
    }

    /** Samples in the longest prefix with p-value ≥ ½ (0 when none), or −1 when the test never applies. */
    static long endOf(int[] s, int maxValue) {
        int[] histogram = new int[ChiSquare.histogramSize(s, maxValue)];
        int step = Math.max(PlaneDetector.MIN_SAMPLES, s.length / 512);
        long end = 0;
        boolean applied = false;
        for (int i = 0; i < s.length; i++) {
            histogram[s[i]]++;
            if ((i + 1) % step == 0 || i + 1 == s.length) {
                double p = ChiSquare.pValue(histogram);
                if (!Double.isNaN(p)) {
                    applied = true;
                    if (p >= 0.5) {
                        end = i + 1;
                    }
                }
            }
        }
        return applied ? end : -1;
    }
}
