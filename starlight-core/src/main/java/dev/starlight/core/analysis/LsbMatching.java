package dev.starlight.core.analysis;

import dev.starlight.core.Evidence;
import java.util.Locale;

/**
 * LSB matching (±1 embedding) detector: the histogram characteristic function centre of mass (HCF-COM) of
 * J. Harmsen, W. Pearlman, "Steganalysis of additive noise modelable information hiding", Proc. SPIE 5020, 2003,
 * calibrated by downsampling as in A. D. Ker, "Steganalysis of LSB matching in grayscale images", IEEE Signal
 * Processing Letters 12(6), 2005 (the 1-D calibrated form; Ker's adjacency-histogram form needs a 2-D DFT per
 * plane and is left out for speed).
 *
 * <p>±1 embedding convolves the histogram with a low-pass kernel, so the COM {@code Σ k|H[k]| / Σ|H[k]|}
 * (k = 0..N/2 of the histogram's DFT) falls. The plane averaged over 2×2 blocks keeps nearly the cover's COM
 * (averaging four samples divides the added noise), so the ratio {@code COM(plane) / COM(downsampled)} is near 1
 * for covers and falls with embedding. Score = {@code clamp((1.1 − ratio) / 0.4)}: it rises as the ratio falls.
 * The method gives no payload rate: estimate is null. Family {@code lsbm}.
 */
public final class LsbMatching extends PlaneDetector {
    private static final int TABLE = 256;
    private static final double[] COS = new double[TABLE];
    private static final double[] SIN = new double[TABLE];

    static {
        for (int i = 0; i < TABLE; i++) {
            COS[i] = Math.cos(2 * Math.PI * i / TABLE);
            SIN[i] = Math.sin(2 * Math.PI * i / TABLE);
        }
    }

    public LsbMatching() {
        super("lsbm");
    }

    @Override
    Evidence analysePlane(String id, AnalysisPlane plane) {
        double ratio = ratio(plane.samples(), plane.width(), plane.height(), plane.maxValue());
        if (Double.isNaN(ratio)) {
            return Evidence.notRun(id, "degenerate histogram");
        }
        double score = clamp01((1.1 - ratio) / 0.4);
        return new Evidence(id, score, String.format(Locale.ROOT, "calibrated HCF-COM ratio %.3f", ratio));
    }

    /** COM of the plane's HCF over COM of its 2×2-averaged plane's HCF. */
    static double ratio(int[] s, int w, int h, int maxValue) {
        int[] counts = ChiSquare.histogram(s, maxValue);
        int n = counts.length - 1;
        int[] full = java.util.Arrays.copyOf(counts, n);
        int[] small = new int[n];
        for (int r = 0; r + 1 < h; r += 2) {
            int o = r * w;
            for (int c = 0; c + 1 < w; c += 2) {
                small[(s[o + c] + s[o + c + 1] + s[o + w + c] + s[o + w + c + 1]) >> 2]++;
            }
        }
        return com(full) / com(small);
    }

    /** Centre of mass of |DFT| of the histogram over frequencies 0..N/2. */
    static double com(int[] histogram) {
        int n = histogram.length;
        boolean table = n == TABLE;
        double num = 0;
        double den = 0;
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            int phase = 0;
            for (int v = 0; v < n; v++) {
                int c = histogram[v];
                if (c != 0) {
                    if (table) {
                        re += c * COS[phase];
                        im -= c * SIN[phase];
                    } else {
                        double a = 2 * Math.PI * phase / n;
                        re += c * Math.cos(a);
                        im -= c * Math.sin(a);
                    }
                }
                phase += k;
                if (phase >= n) {
                    phase -= n;
                }
            }
            double mag = Math.sqrt(re * re + im * im);
            num += k * mag;
            den += mag;
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
