package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;

/**
 * RS analysis of LSB replacement: J. Fridrich, M. Goljan, R. Du, "Reliable detection of LSB steganography in
 * color and grayscale images", Proc. ACM Workshop on Multimedia and Security, 2001. Groups of 4 horizontally
 * adjacent samples, discrimination function {@code Σ|x(i+1) − x(i)|}, mask [0,1,1,0] and its negative; the
 * regular/singular counts of the plane and of the plane with every LSB flipped give the paper's quadratic
 * {@code 2(d1 + d0)z² + (d−0 − d−1 − d1 − 3d0)z + d0 − d−0 = 0}, whose smaller root gives p = z / (z − 1/2).
 * Family {@code rs}.
 */
public final class RsAnalysis extends PlaneDetector {

    public RsAnalysis() {
        super("rs");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height()));
    }

    /** Raw (unclamped) estimated rate of LSB replacement. */
    static double estimate(int[] s, int w, int h) {
        long rm = 0;
        long sm = 0;
        long rn = 0;
        long sn = 0;
        long rm1 = 0;
        long sm1 = 0;
        long rn1 = 0;
        long sn1 = 0;
        long groups = 0;
        for (int r = 0; r < h; r++) {
            int o = r * w;
            for (int c = 0; c + 3 < w; c += 4) {
                int a = s[o + c];
                int b = s[o + c + 1];
                int d = s[o + c + 2];
                int e = s[o + c + 3];
                groups++;
                // the plane as it is
                int f0 = Math.abs(b - a) + Math.abs(d - b) + Math.abs(e - d);
                int fp = f(a, b ^ 1, d ^ 1, e);
                int fn = f(a, neg(b), neg(d), e);
                rm += fp > f0 ? 1 : 0;
                sm += fp < f0 ? 1 : 0;
                rn += fn > f0 ? 1 : 0;
                sn += fn < f0 ? 1 : 0;
                // the plane with all LSBs flipped
                a ^= 1;
                b ^= 1;
                d ^= 1;
                e ^= 1;
                f0 = Math.abs(b - a) + Math.abs(d - b) + Math.abs(e - d);
                fp = f(a, b ^ 1, d ^ 1, e);
                fn = f(a, neg(b), neg(d), e);
                rm1 += fp > f0 ? 1 : 0;
                sm1 += fp < f0 ? 1 : 0;
                rn1 += fn > f0 ? 1 : 0;
                sn1 += fn < f0 ? 1 : 0;
            }
        }
        if (groups == 0) {
            return Double.NaN;
        }
        double g = groups;
        double d0 = (rm - sm) / g;
        double d1 = (rm1 - sm1) / g;
        double dn0 = (rn - sn) / g;
        double dn1 = (rn1 - sn1) / g;
        double z = smallerRoot(2 * (d1 + d0), dn0 - dn1 - d1 - 3 * d0, d0 - dn0);
        if (Double.isNaN(z) || Math.abs(z - 0.5) < 1e-9) {
            return Double.NaN;
        }
        return z / (z - 0.5);
    }

    private static int f(int a, int b, int c, int d) {
        return Math.abs(b - a) + Math.abs(c - b) + Math.abs(d - c);
    }

    /** The shifted flip F−1: −1↔0, 1↔2, 3↔4 ... */
    private static int neg(int x) {
        return ((x + 1) ^ 1) - 1;
    }
}
