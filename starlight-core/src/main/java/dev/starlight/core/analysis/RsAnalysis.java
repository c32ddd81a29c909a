package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;

/**
 * RS analysis of LSB replacement: J. Fridrich, M. Goljan, R. Du, "Reliable detection of LSB steganography in
 * color and grayscale images", Proc. ACM Workshop on Multimedia and Security, 2001. Groups of 4 horizontally
 * adjacent samples, discrimination function {@code Σ|x(i+1) − x(i)|}, mask [0,1,1,0] and its negative; the
 * regular-minus-singular shares of the plane (d0, d−0) and of the plane with every LSB flipped (d1, d−1) give the
 * paper's quadratic {@code 2(d1 + d0)z² + (d−0 − d−1 − d1 − 3d0)z + d0 − d−0 = 0}, whose smaller root gives
 * p = z / (z − ½). Solved once over the whole plane: unlike SPA and WS, the quadratic is unstable on row blocks
 * of a few thousand samples, so a sequential payload (a fully embedded prefix) is underestimated at higher rates
 * ({@link SamplePairsAnalysis}, {@link WeightedStego} and {@link SequentialWeightedStego} measure those). Family
 * {@code rs}.
 */
public final class RsAnalysis extends PlaneDetector {

    public RsAnalysis() {
        super("rs");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height()));
    }

    /** Raw (unclamped) estimated rate of LSB replacement over the whole plane, NaN when it cannot be solved. */
    static double estimate(int[] s, int w, int h) {
        return estimateRows(s, w, 0, h);
    }

    /** RS over the groups in rows r0..r1−1. */
    static double estimateRows(int[] s, int w, int r0, int r1) {
        long dm = 0;
        long dn = 0;
        long dm1 = 0;
        long dn1 = 0;
        long groups = 0;
        for (int r = r0; r < r1; r++) {
            int o = r * w;
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
            groups += w / 4;
        }
        if (groups == 0) {
            return Double.NaN;
        }
        double g = groups;
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
