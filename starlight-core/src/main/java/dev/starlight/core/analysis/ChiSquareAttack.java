package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;
import java.util.Locale;

/**
 * The chi-square attack of A. Westfeld, A. Pfitzmann, "Attacks on steganographic systems", Information Hiding
 * 1999, over a whole plane: the score is the p-value that each pair of values (2k, 2k+1) is equally frequent, as
 * LSB replacement of every sample makes them. It gives no payload rate (estimate null): a high p-value says the
 * pairs are balanced, which full-rate embedding causes but smooth-histogram covers can show too. Family
 * {@code chi2}; {@link SequentialChiSquareAttack} is the sequential form.
 */
public final class ChiSquareAttack extends PlaneDetector {

    public ChiSquareAttack() {
        super("chi2");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int[] s = plane.samples();
        int[] histogram = new int[ChiSquare.histogramSize(s, plane.maxValue())];
        for (int v : s) {
            histogram[v]++;
        }
        double p = ChiSquare.pValue(histogram);
        if (Double.isNaN(p)) {
            return Evidence.notRun(id, "fewer than 2 pairs of values with " + ChiSquare.MIN_PAIR_COUNT + " samples");
        }
        return new Evidence(id, p, String.format(Locale.ROOT, "pairs-of-values p-value %.3f", p));
    }
}
