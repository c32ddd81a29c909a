package dev.starlight.core.analysis;

import dev.starlight.core.scan.Evidence;

/**
 * Sample pair analysis of LSB replacement: S. Dumitrescu, X. Wu, Z. Wang, "Detection of LSB steganography via
 * sample pair analysis", IEEE Trans. Signal Processing 51(7), 2003 — the quadratic estimator
 * {@code (γ/2)p² + (2|X| − |P|)p + |Y| − |X| = 0} over horizontally and vertically adjacent sample pairs, where
 * {@code X} holds pairs (u, v) with v even and u &lt; v or v odd and u &gt; v, {@code Y} the opposite, and
 * {@code γ} the pairs whose values differ only in the LSB. The smaller root is the embedding rate p. Family
 * {@code spa}.
 */
public final class SamplePairsAnalysis extends PlaneDetector {

    public SamplePairsAnalysis() {
        super("spa");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        return rateEvidence(id, estimate(plane.samples(), plane.width(), plane.height()));
    }

    /** Raw (unclamped) estimated rate of LSB replacement. */
    static double estimate(int[] s, int w, int h) {
        long x = 0;
        long y = 0;
        long k = 0;
        long n = 0;
        for (int r = 0; r < h; r++) {
            int o = r * w;
            for (int c = 0; c < w; c++) {
                int u = s[o + c];
                if (c + 1 < w) {
                    int v = s[o + c + 1];
                    if ((u >> 1) == (v >> 1)) {
                        k++;
                    }
                    if (u < v) {
                        if ((v & 1) == 0) {
                            x++;
                        } else {
                            y++;
                        }
                    } else if (u > v) {
                        if ((v & 1) == 0) {
                            y++;
                        } else {
                            x++;
                        }
                    }
                    n++;
                }
                if (r + 1 < h) {
                    int v = s[o + w + c];
                    if ((u >> 1) == (v >> 1)) {
                        k++;
                    }
                    if (u < v) {
                        if ((v & 1) == 0) {
                            x++;
                        } else {
                            y++;
                        }
                    } else if (u > v) {
                        if ((v & 1) == 0) {
                            y++;
                        } else {
                            x++;
                        }
                    }
                    n++;
                }
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        return smallerRoot(k / 2.0, 2.0 * x - n, (double) y - x);
    }
}
