package dev.starlight.core.analysis;

import java.util.Arrays;

/**
 * The pairs-of-values chi-square statistic of A. Westfeld, A. Pfitzmann, "Attacks on steganographic systems",
 * Information Hiding 1999, and the chi-square distribution's upper tail it is read against.
 */
final class ChiSquare {
    /** Fewest samples a pair of values needs to count as a category (expected count 5 per value). */
    static final int MIN_PAIR_COUNT = 10;

    private ChiSquare() {
    }

    /**
     * The histogram of the samples, of length {@link #histogramSize}: room for every value and for the pair partner
     * of the largest. One pass for the usual 8-bit samples and palette indices.
     */
    static int[] histogram(int[] samples, int maxValue) {
        if (maxValue > 255) {
            return count(samples, new int[histogramSize(samples, maxValue)]);
        }
        int[] counts = new int[258];
        for (int v : samples) {
            if ((v & ~0xFF) != 0) {
                return count(samples, new int[histogramSize(samples, maxValue)]);
            }
            counts[v]++;
        }
        int top = 255;
        while (top > maxValue && counts[top] == 0) {
            top--;
        }
        return Arrays.copyOf(counts, top + 2);
    }

    private static int[] count(int[] samples, int[] histogram) {
        for (int v : samples) {
            histogram[v]++;
        }
        return histogram;
    }

    /** Histogram length for these samples: room for every value and for the pair partner of the largest. */
    static int histogramSize(int[] samples, int maxValue) {
        int max = Math.max(0, maxValue);
        for (int v : samples) {
            if (v > max) {
                max = v;
            }
            if (v < 0) {
                throw new IllegalArgumentException("negative sample");
            }
        }
        return max + 2;
    }

    /**
     * The p-value that the counts of each pair of values (2k, 2k+1) are equal, as LSB replacement at full rate
     * makes them: {@code χ² = Σ (n₂ₖ − y*)² / y*} with {@code y* = (n₂ₖ + n₂ₖ₊₁)/2} over pairs with at least
     * {@link #MIN_PAIR_COUNT} samples, {@code categories − 1} degrees of freedom. NaN when fewer than 2 pairs count.
     */
    static double pValue(int[] histogram) {
        double chi = 0;
        int categories = 0;
        for (int k = 0; k + 1 < histogram.length; k += 2) {
            int total = histogram[k] + histogram[k + 1];
            if (total >= MIN_PAIR_COUNT) {
                double expected = total * 0.5;
                double diff = histogram[k] - expected;
                chi += diff * diff / expected;
                categories++;
            }
        }
        if (categories < 2) {
            return Double.NaN;
        }
        return upperTail(chi, categories - 1);
    }

    /** P(X ≥ chi) for X chi-square distributed with the given degrees of freedom. */
    static double upperTail(double chi, int dof) {
        if (chi <= 0) {
            return 1;
        }
        return regularizedGammaQ(dof * 0.5, chi * 0.5);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a): a power series below a + 1, a Lentz continued fraction above. */
    static double regularizedGammaQ(double a, double x) {
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-14) {
                    break;
                }
            }
            return clamp(1 - sum * Math.exp(logPrefix));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double f = d;
        for (int n = 1; n < 1000; n++) {
            double an = -n * (n - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-14) {
                break;
            }
        }
        return clamp(Math.exp(logPrefix) * f);
    }

    /** ln Γ(a) for a &gt; 0 (Lanczos, g = 7, 9 terms). */
    static double logGamma(double a) {
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = a - 1;
        double x = g[0];
        for (int i = 1; i < 9; i++) {
            x += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
