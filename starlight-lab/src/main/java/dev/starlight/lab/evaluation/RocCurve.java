package dev.starlight.lab.evaluation;

import java.util.Arrays;

/** Ranking figures of stego scores against clean scores: AUC and the detection rate at a false-positive budget. */
public final class RocCurve {

    private RocCurve() {
    }

    /** Area under the ROC curve (Mann–Whitney, ties count half); NaN when either side is empty. */
    public static double auc(double[] stego, double[] clean) {
        if (stego.length == 0 || clean.length == 0) {
            return Double.NaN;
        }
        double[] sortedClean = clean.clone();
        Arrays.sort(sortedClean);
        double wins = 0;
        for (double s : stego) {
            int below = lowerBound(sortedClean, s);
            int notAbove = upperBound(sortedClean, s);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) stego.length * clean.length);
    }

    /**
     * The fraction of stego scores above the threshold that lets at most {@code fpr} of the clean scores through
     * (strictly above the (k+1)-th highest clean score, k = floor(fpr × clean count)). NaN when either is empty.
     */
    public static double tprAtFpr(double[] stego, double[] clean, double fpr) {
        if (stego.length == 0 || clean.length == 0) {
            return Double.NaN;
        }
        double[] sorted = clean.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(fpr * clean.length);
        double threshold = sorted[sorted.length - 1 - Math.min(allowed, sorted.length - 1)];
        int hits = 0;
        for (double s : stego) {
            if (s > threshold) {
                hits++;
            }
        }
        return hits / (double) stego.length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
