package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;
import java.util.Arrays;

/**
 * Sample pair analysis of LSB replacement: S. Dumitrescu, X. Wu, Z. Wang, "Detection of LSB steganography via
 * sample pair analysis", IEEE Trans. Signal Processing 51(7), 2003 — the quadratic estimator
 * {@code (γ/2)p² + (2|X| − |P|)p + |Y| − |X| = 0} over horizontally and vertically adjacent sample pairs, where
 * {@code X} holds pairs (u, v) with v even and u &lt; v or v odd and u &gt; v, {@code Y} the other pairs with
 * u ≠ v, and {@code γ} the pairs whose values differ at most in the LSB. The smaller root is the embedding rate p.
 * It is solved per row block and averaged by sample count ({@link PlaneDetector#blockCount}), so that payloads
 * embedded sequentially from the first sample are measured as well as randomly spread ones. The estimate is the
 * smaller of the one over all pairs and the one over the pairs of usable samples ({@link
 * PlaneDetector#usableSamples}: neither saturated nor next to one). Family {@code spa}.
 */
public final class SamplePairsAnalysis extends PlaneDetector {

    public SamplePairsAnalysis() {
        super("spa");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        boolean[] usable = usableSamples(plane);
        String why = whyTooSaturated(usable);
        if (why != null) {
            return Evidence.notRun(id, why);
        }
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height(), usable));
    }

    /**
     * Raw (unclamped) estimated rate of LSB replacement, NaN when no block could be solved: the smaller of the
     * estimate over all pairs and the one over the pairs whose samples are both usable (null: all are; see
     * {@link PlaneDetector#usableSamples}). Clipping biases the first upwards, and leaving samples out can bias the
     * second on some covers; embedding raises both.
     */
    static double estimate(int[] s, int w, int h, boolean[] usable) {
        int blocks = blockCount(w, h);
        double sumAll = 0;
        long weightAll = 0;
        double sumUsable = 0;
        long weightUsable = 0;
        long[] counts = new long[8];
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            countRows(s, w, r0, r1, usable, counts);
            double all = solve(counts, 0);
            if (!Double.isNaN(all)) {
                sumAll += all * counts[3];
                weightAll += counts[3];
            }
            double kept = solve(counts, 4);
            if (!Double.isNaN(kept)) {
                sumUsable += kept * counts[7];
                weightUsable += counts[7];
            }
        }
        double all = weightAll == 0 ? Double.NaN : sumAll / weightAll;
        if (usable == null || weightUsable == 0) {
            return all;
        }
        double kept = sumUsable / weightUsable;
        return Double.isNaN(all) ? kept : Math.min(all, kept);
    }

    /**
     * Counts the pairs inside rows r0..r1−1: |X|, unequal pairs, γ and pairs at {@code counts[0..3]} over all
     * pairs, and at {@code counts[4..7]} over the pairs of usable samples.
     */
    static void countRows(int[] s, int w, int r0, int r1, boolean[] usable, long[] counts) {
        Arrays.fill(counts, 0);
        for (int r = r0; r < r1; r++) {
            int o = r * w;
            for (int i = o; i < o + w - 1; i++) {
                pair(s[i], s[i + 1], counts, usable == null || (usable[i] && usable[i + 1]));
            }
            if (r + 1 < r1) {
                for (int i = o; i < o + w; i++) {
                    pair(s[i], s[i + w], counts, usable == null || (usable[i] && usable[i + w]));
                }
            }
        }
    }

    /** The SPA quadratic's rate over the counts at {@code counts[at..at+3]}, NaN when it cannot be solved. */
    private static double solve(long[] counts, int at) {
        long x = counts[at];
        long k = counts[at + 2];
        long n = counts[at + 3];
        if (k == 0 || n < MIN_BLOCK_USABLE) {
            return Double.NaN;
        }
        long y = counts[at + 1] - x;
        return smallerRoot(k / 2.0, 2.0 * x - n, (double) y - x);
    }

    private static void pair(int u, int v, long[] counts, boolean usable) {
        int ne = ((u - v) | (v - u)) >>> 31;
        int x = ne & (((u - v) >>> 31) ^ (v & 1));
        int k = ((((u ^ v) >>> 1) - 1) >>> 31);
        counts[0] += x;
        counts[1] += ne;
        counts[2] += k;
        counts[3]++;
        if (usable) {
            counts[4] += x;
            counts[5] += ne;
            counts[6] += k;
            counts[7]++;
        }
    }
}
