package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;

/**
 * Sample pair analysis of LSB replacement: S. Dumitrescu, X. Wu, Z. Wang, "Detection of LSB steganography via
 * sample pair analysis", IEEE Trans. Signal Processing 51(7), 2003 — the quadratic estimator
 * {@code (γ/2)p² + (2|X| − |P|)p + |Y| − |X| = 0} over horizontally and vertically adjacent sample pairs, where
 * {@code X} holds pairs (u, v) with v even and u &lt; v or v odd and u &gt; v, {@code Y} the other pairs with
 * u ≠ v, and {@code γ} the pairs whose values differ at most in the LSB. The smaller root is the embedding rate p.
 * It is solved per row block and averaged by sample count ({@link PlaneDetector#blockCount}), so that payloads
 * embedded sequentially from the first sample are measured as well as randomly spread ones. An estimate above 0.05
 * is checked against the pairs of usable samples (neither saturated nor next to one): {@link
 * PlaneDetector#checkedRate}. Family {@code spa}.
 */
public final class SamplePairsAnalysis extends PlaneDetector {

    public SamplePairsAnalysis() {
        super("spa");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int[] s = plane.samples();
        int w = plane.width();
        int h = plane.height();
        return checkedRate(id, plane, estimate(s, w, h), usable -> estimate(s, w, h, usable));
    }

    /** Raw (unclamped) estimated rate of LSB replacement over all pairs, NaN when no block could be solved. */
    static double estimate(int[] s, int w, int h) {
        int blocks = blockCount(w, h);
        double sum = 0;
        long weight = 0;
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            double p = estimateRows(s, w, r0, r1);
            if (!Double.isNaN(p)) {
                long n = (long) (r1 - r0) * w;
                sum += p * n;
                weight += n;
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** SPA over the pairs that lie inside rows r0..r1−1. */
    static double estimateRows(int[] s, int w, int r0, int r1) {
        long x = 0;
        long unequal = 0;
        long k = 0;
        long n = 0;
        for (int r = r0; r < r1; r++) {
            int o = r * w;
            int cx = 0;
            int cu = 0;
            int ck = 0;
            for (int i = o; i < o + w - 1; i++) {
                int u = s[i];
                int v = s[i + 1];
                int ne = ((u - v) | (v - u)) >>> 31;
                cx += ne & (((u - v) >>> 31) ^ (v & 1));
                cu += ne;
                ck += ((((u ^ v) >>> 1) - 1) >>> 31);
            }
            if (r + 1 < r1) {
                for (int i = o; i < o + w; i++) {
                    int u = s[i];
                    int v = s[i + w];
                    int ne = ((u - v) | (v - u)) >>> 31;
                    cx += ne & (((u - v) >>> 31) ^ (v & 1));
                    cu += ne;
                    ck += ((((u ^ v) >>> 1) - 1) >>> 31);
                }
                n += w;
            }
            n += w - 1;
            x += cx;
            unequal += cu;
            k += ck;
        }
        if (k == 0 || n == 0) {
            return Double.NaN;
        }
        long y = unequal - x;
        return smallerRoot(k / 2.0, 2.0 * x - n, (double) y - x);
    }

    /**
     * Raw (unclamped) estimated rate over the pairs whose samples are both usable (see
     * {@link PlaneDetector#usableSamples}), blocks weighted by the pairs they used; NaN when no block could be
     * solved.
     */
    static double estimate(int[] s, int w, int h, byte[] usable) {
        int blocks = blockCount(w, h);
        double sum = 0;
        long weight = 0;
        long[] counts = new long[4];
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            countUsablePairs(s, w, r0, r1, usable, counts);
            double p = solve(counts, 0);
            if (!Double.isNaN(p)) {
                sum += p * counts[3];
                weight += counts[3];
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** |X|, unequal pairs, γ and the pairs counted, over the usable pairs inside rows r0..r1−1. */
    private static void countUsablePairs(int[] s, int w, int r0, int r1, byte[] usable, long[] counts) {
        int mx = 0;
        int mu = 0;
        int mk = 0;
        int mn = 0;
        for (int r = r0; r < r1; r++) {
            int o = r * w;
            for (int i = o; i < o + w - 1; i++) {
                int u = s[i];
                int v = s[i + 1];
                int m = usable[i] & usable[i + 1];
                int ne = ((u - v) | (v - u)) >>> 31;
                mx += ne & (((u - v) >>> 31) ^ (v & 1)) & m;
                mu += ne & m;
                mk += ((((u ^ v) >>> 1) - 1) >>> 31) & m;
                mn += m;
            }
            if (r + 1 < r1) {
                for (int i = o; i < o + w; i++) {
                    int u = s[i];
                    int v = s[i + w];
                    int m = usable[i] & usable[i + w];
                    int ne = ((u - v) | (v - u)) >>> 31;
                    mx += ne & (((u - v) >>> 31) ^ (v & 1)) & m;
                    mu += ne & m;
                    mk += ((((u ^ v) >>> 1) - 1) >>> 31) & m;
                    mn += m;
                }
            }
        }
        counts[0] = mx;
        counts[1] = mu;
        counts[2] = mk;
        counts[3] = mn;
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
}
