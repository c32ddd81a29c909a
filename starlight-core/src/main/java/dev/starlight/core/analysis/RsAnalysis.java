package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;

/**
 * RS analysis of LSB replacement: J. Fridrich, M. Goljan, R. Du, "Reliable detection of LSB steganography in
 * color and grayscale images", Proc. ACM Workshop on Multimedia and Security, 2001. Groups of 4 horizontally
 * adjacent samples, discrimination function {@code Σ|x(i+1) − x(i)|}, mask [0,1,1,0] and its negative; the
 * regular-minus-singular shares of the plane (d0, d−0) and of the plane with every LSB flipped (d1, d−1) give the
 * paper's quadratic {@code 2(d1 + d0)z² + (d−0 − d−1 − d1 − 3d0)z + d0 − d−0 = 0}, whose smaller root gives
 * p = z / (z − ½).
 *
 * <p>Sequential payloads. The estimator is not linear in the rate, so a plane whose prefix alone carries the
 * payload is underestimated when solved as a whole (0.33 for a 0.4 prefix on the corpus covers). Unlike SPA and WS
 * it cannot simply be solved per row block: on a few thousand samples the quadratic is unstable on clean covers
 * (regions where R and S counts are near equal give estimates up to 0.5 or beyond 1), and a fully embedded block
 * is itself degenerate (d0 ≈ d1 ≈ 0, d−0 ≈ d−1). So the whole-plane estimate stays the answer unless the block
 * estimates show a step: each row block of about {@value #FIT_BLOCK_SAMPLES} samples is solved, estimates outside
 * −0.5..1.5 count as ½ (no information), the rest clamped to 0..1, and the prefix end is the least-squares step
 * fit {@code argmax Σ_{b<t} n_b (x_b − ½)} (as {@code wsseq} does on samples). When the prefix's mean is at least
 * {@value #MIN_LEVEL} and the rest, solved as one pooled region, is below ½, the prefix less its last block (which
 * may hold the payload's end) is taken as fully embedded and the rest is solved pooled: estimate =
 * (prefix samples + rest estimate × rest samples) / samples. Clean covers and random-position payloads keep the
 * whole-plane estimate. An estimate above 0.05 is checked against the groups of usable samples (neither saturated nor
 * next to one): {@link PlaneDetector#checkedRate}. Family {@code rs}.
 */
public final class RsAnalysis extends PlaneDetector {
    /** Samples per row block of the sequential-prefix fit. */
    static final int FIT_BLOCK_SAMPLES = 2048;
    /** Lowest mean clamped block estimate of a prefix taken for a sequential payload. */
    static final double MIN_LEVEL = 0.6;

    public RsAnalysis() {
        super("rs");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        int[] s = plane.samples();
        int w = plane.width();
        int h = plane.height();
        return checkedRate(id, plane, estimate(s, w, h, null), usable -> estimate(s, w, h, usable));
    }

    /**
     * Raw (unclamped) estimated rate of LSB replacement over the groups whose samples are all usable (null: all
     * groups), NaN when the plane cannot be solved.
     */
    static double estimate(int[] s, int w, int h, byte[] usable) {
        return estimate(rowCounts(s, w, h, usable), w, h);
    }

    /** The estimate from the row counts of {@link #rowCounts}. */
    private static double estimate(long[] rows, int w, int h) {
        double whole = solve(rows, 0, h);
        int rowsPerBlock = Math.max(1, (FIT_BLOCK_SAMPLES + w - 1) / w);
        int blocks = Math.max(1, Math.round(h / (float) rowsPerBlock));
        double run = 0;
        double best = 0;
        int bestEnd = 0;
        double level = 0;
        double bestLevel = 0;
        for (int b = 0; b < blocks; b++) {
            int r0 = blockStart(b, blocks, h);
            int r1 = blockStart(b + 1, blocks, h);
            double p = solve(rows, r0, r1);
            double x = Double.isNaN(p) || p < -0.5 || p > 1.5 ? 0.5 : clamp01(p);
            run += (x - 0.5) * (r1 - r0);
            level += x * (r1 - r0);
            if (run > best) {
                best = run;
                bestEnd = b + 1;
                bestLevel = level / r1;
            }
        }
        if (bestEnd < 2 || bestLevel < MIN_LEVEL) {
            return whole;
        }
        int t = blockStart(bestEnd - 1, blocks, h);
        double rest = solve(rows, t, h);
        if (Double.isNaN(rest) || rest > 0.5) {
            return whole;
        }
        return (t + rest * (h - t)) / h;
    }

    /**
     * Per row r, at 5r: the sums of the four mask signs over the row's groups (d0, d−0, d1, d−1 times the groups)
     * and the number of groups; over the groups whose samples are all usable when {@code usable} is not null.
     */
    static long[] rowCounts(int[] s, int w, int h, byte[] usable) {
        long[] out = new long[ROW_COUNTS * h];
        for (int r = 0; r < h; r++) {
            if (usable == null) {
                count(s, r * w, w, out, ROW_COUNTS * r);
            } else {
                count(s, r * w, w, usable, out, ROW_COUNTS * r);
            }
        }
        return out;
    }

    private static final int ROW_COUNTS = 5;

    /** The RS counts of the groups of one row, into {@code out[at..at+4]} as {@link #rowCounts} lays them out. */
    private static void count(int[] s, int o, int w, long[] out, int at) {
        long dm = 0;
        long dn = 0;
        long dm1 = 0;
        long dn1 = 0;
        for (int i = o; i + 3 < o + w; i += 4) {
            int a = s[i];
            int b = s[i + 1];
            int c = s[i + 2];
            int d = s[i + 3];
            int a1 = a ^ 1;
            int b1 = b ^ 1;
            int c1 = c ^ 1;
            int d1 = d ^ 1;
            int bn = ((b + 1) ^ 1) - 1;
            int cn = ((c + 1) ^ 1) - 1;
            int bn1 = ((b1 + 1) ^ 1) - 1;
            int cn1 = ((c1 + 1) ^ 1) - 1;
            int f0 = Math.abs(b - a) + Math.abs(c - b) + Math.abs(d - c);
            dm += Integer.signum(Math.abs(b1 - a) + Math.abs(c1 - b1) + Math.abs(d - c1) - f0);
            dn += Integer.signum(Math.abs(bn - a) + Math.abs(cn - bn) + Math.abs(d - cn) - f0);
            // the same group with every LSB flipped: F1 of it is the group with only a and d flipped
            int f1 = Math.abs(b1 - a1) + Math.abs(c1 - b1) + Math.abs(d1 - c1);
            dm1 += Integer.signum(Math.abs(b - a1) + Math.abs(c - b) + Math.abs(d1 - c) - f1);
            dn1 += Integer.signum(Math.abs(bn1 - a1) + Math.abs(cn1 - bn1) + Math.abs(d1 - cn1) - f1);
        }
        out[at] = dm;
        out[at + 1] = dn;
        out[at + 2] = dm1;
        out[at + 3] = dn1;
        out[at + 4] = w / 4;
    }

    /** As {@link #count(int[], int, int, long[], int)}, over the groups whose four samples are all usable. */
    private static void count(int[] s, int o, int w, byte[] usable, long[] out, int at) {
        long dm = 0;
        long dn = 0;
        long dm1 = 0;
        long dn1 = 0;
        long groups = 0;
        for (int i = o; i + 3 < o + w; i += 4) {
            if ((usable[i] & usable[i + 1] & usable[i + 2] & usable[i + 3]) == 0) {
                continue;
            }
            groups++;
            int a = s[i];
            int b = s[i + 1];
            int c = s[i + 2];
            int d = s[i + 3];
            int a1 = a ^ 1;
            int b1 = b ^ 1;
            int c1 = c ^ 1;
            int d1 = d ^ 1;
            int bn = ((b + 1) ^ 1) - 1;
            int cn = ((c + 1) ^ 1) - 1;
            int bn1 = ((b1 + 1) ^ 1) - 1;
            int cn1 = ((c1 + 1) ^ 1) - 1;
            int f0 = Math.abs(b - a) + Math.abs(c - b) + Math.abs(d - c);
            dm += Integer.signum(Math.abs(b1 - a) + Math.abs(c1 - b1) + Math.abs(d - c1) - f0);
            dn += Integer.signum(Math.abs(bn - a) + Math.abs(cn - bn) + Math.abs(d - cn) - f0);
            int f1 = Math.abs(b1 - a1) + Math.abs(c1 - b1) + Math.abs(d1 - c1);
            dm1 += Integer.signum(Math.abs(b - a1) + Math.abs(c - b) + Math.abs(d1 - c) - f1);
            dn1 += Integer.signum(Math.abs(bn1 - a1) + Math.abs(cn1 - bn1) + Math.abs(d1 - cn1) - f1);
        }
        out[at] = dm;
        out[at + 1] = dn;
        out[at + 2] = dm1;
        out[at + 3] = dn1;
        out[at + 4] = groups;
    }

    /** The RS quadratic over the pooled counts of rows r0..r1−1, NaN when it has no usable root. */
    static double solve(long[] rows, int r0, int r1) {
        long dm = 0;
        long dn = 0;
        long dm1 = 0;
        long dn1 = 0;
        double g = 0;
        for (int r = r0; r < r1; r++) {
            int at = ROW_COUNTS * r;
            dm += rows[at];
            dn += rows[at + 1];
            dm1 += rows[at + 2];
            dn1 += rows[at + 3];
            g += rows[at + 4];
        }
        if (g == 0) {
            return Double.NaN;
        }
        double d0 = dm / g;
        double d1 = dm1 / g;
        double e0 = dn / g;
        double e1 = dn1 / g;
        double z = smallerRoot(2 * (d1 + d0), e0 - e1 - d1 - 3 * d0, d0 - e0);
        if (Double.isNaN(z) || Math.abs(z - 0.5) < 1e-9) {
            return Double.NaN;
        }
        return z / (z - 0.5);
    }
}
