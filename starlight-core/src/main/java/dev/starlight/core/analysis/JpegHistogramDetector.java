package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.Locale;

/**
 * First-order statistics of the luma AC coefficients that LSB replacement in the DCT domain disturbs (JSteg,
 * OutGuess 0.1, and what is left of it after OutGuess 0.2's corrections; steghide keeps the global histogram, so
 * this detector sees little of it):
 * <ul>
 *   <li>the pairs-of-values chi-square test of Westfeld and Pfitzmann ("Attacks on Steganographic Systems",
 *       IH 1999) in the form Provos used for JPEG ("Defending Against Statistical Steganalysis", USENIX Security
 *       2001): the counts of each pair (2k, 2k+1), 0 and 1 excluded, become equal when their LSBs are
 *       overwritten; the score part is the probability that the pairs are as equal as random bits would make
 *       them;</li>
 *   <li>sign symmetry: a natural DCT histogram is symmetric about 0, but LSB replacement that skips 0 and 1
 *       pairs -1 with -2 and 2 with 3, so h(-1) falls below h(1) and h(2) below h(-2);</li>
 *   <li>the ratio of ±1 to ±2 counts, reported in the detail (it falls under both LSB replacement and F5's
 *       shrinkage, but varies too much with quality to score alone).</li>
 * </ul>
 * No rate estimate. Stateless.
 */
public final class JpegHistogramDetector extends SingleEvidenceDetector {
    public static final String FAMILY = "jpeg.hist";
    private static final int RANGE = 1024;

    public JpegHistogramDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return JpegLuma.evidence(image, file, FAMILY, JpegHistogramDetector::analyse);
    }

    /** The evidence for one component's coefficients. */
    static Evidence analyse(JpegCoefficients.Component c) {
        double[] f = features(c);
        if (f == null) {
            return Evidence.notRun(FAMILY, "too few non-zero AC coefficients");
        }
        double pairsP = f[0];
        double symmetry = f[1];
        double score = Math.max(pairsP, JpegLuma.sigmoid((symmetry - 5) / 1.5));
        String detail = String.format(Locale.ROOT,
                "luma AC: pairs chi-square p=%.3f, sign asymmetry z=%.1f, h(±1)/h(±2)=%.2f, %d non-zero",
                pairsP, symmetry, f[2], (long) f[3]);
        return new Evidence(FAMILY, score, detail, null);
    }

    /**
     * {pairs chi-square p-value, sign-asymmetry z (h(1) - h(-1) and h(-2) - h(2), each in units of its
     * binomial standard deviation, summed), h(±1)/h(±2), non-zero AC count}; null with too few coefficients.
     */
    static double[] features(JpegCoefficients.Component c) {
        int[] h = new int[2 * RANGE + 1];
        short[] coef = c.coefficients();
        long nonzero = 0;
        for (int b = 0; b < coef.length; b += 64) {
            for (int k = 1; k < 64; k++) {
                int v = coef[b + k];
                if (v != 0) {
                    nonzero++;
                    h[RANGE + Math.max(-RANGE, Math.min(RANGE, v))]++;
                }
            }
        }
        if (nonzero < 100) {
            return null;
        }
        double chi = 0;
        int df = -1;
        for (int lo = -RANGE; lo < RANGE; lo += 2) {
            if (lo == 0) {
                continue; // the pair (0, 1) is never used
            }
            int a = h[RANGE + lo];
            int b = h[RANGE + lo + 1];
            int n = a + b;
            if (n >= 10) {
                double e = n / 2.0;
                chi += (a - e) * (a - e) / e + (b - e) * (b - e) / e;
                df++;
            }
        }
        double p = df < 1 ? 0 : 1 - chiSquareCdf(chi, df);
        int p1 = h[RANGE + 1];
        int m1 = h[RANGE - 1];
        int p2 = h[RANGE + 2];
        int m2 = h[RANGE - 2];
        double z1 = (p1 - m1) / Math.sqrt(Math.max(1, p1 + m1));
        double z2 = (m2 - p2) / Math.sqrt(Math.max(1, p2 + m2));
        double ratio = (p1 + m1) / (double) Math.max(1, p2 + m2);
        return new double[] {p, z1 + z2, ratio, nonzero};
    }

    /** Chi-square distribution function by the Wilson-Hilferty cube-root normal approximation. */
    static double chiSquareCdf(double x, int df) {
        if (x <= 0) {
            return 0;
        }
        double t = 2.0 / (9 * df);
        double z = (Math.cbrt(x / df) - (1 - t)) / Math.sqrt(t);
        return normalCdf(z);
    }

    /** Standard normal distribution function (Abramowitz and Stegun 26.2.17). */
    static double normalCdf(double z) {
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double tail = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        return z >= 0 ? 1 - tail : tail;
    }
}
