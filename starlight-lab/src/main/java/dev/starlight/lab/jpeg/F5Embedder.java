package dev.starlight.lab.jpeg;

import dev.starlight.codecs.image.JpegCoefficients;
import java.util.SplittableRandom;

/**
 * F5 (Westfeld, "F5 - A Steganographic Algorithm: High Capacity Despite Better Steganalysis", IH 2001) on one
 * component's quantised coefficients, written here from the paper: the non-zero AC coefficients are visited in a
 * key-seeded permutation; matrix encoding (1, 2^k - 1, k) hides k bits in each group of 2^k - 1 of them with at
 * most one change, a change lowers the coefficient's magnitude by one, and a coefficient that shrinks to 0 is
 * dropped and the same bits are embedded again in the next group (shrinkage). A coefficient's bit is its value's
 * LSB for positive values and the inverted LSB for negative ones. k is the largest whose groups still hold the
 * message, as the paper's encoder chooses it.
 *
 * <p>{@link #nsF5} is the no-shrinkage variant's simulator (Fridrich, Pevný and Kodovský, "Statistically undetectable
 * JPEG steganography: dead ends, challenges, and opportunities", MM&amp;Sec 2007): with wet paper codes at the
 * bound, a payload of alpha bits per non-zero AC coefficient takes beta = H^-1(alpha) changes per non-zero AC
 * coefficient, each lowering a random non-zero AC coefficient's magnitude by one.
 */
public final class F5Embedder {
    private F5Embedder() {
    }

    /** F5 with {@code bits} random message bits; returns the changed coefficients (the input is left as it was). */
    public static short[] f5(JpegCoefficients.Component c, long bits, SplittableRandom random) {
        short[] coef = c.coefficients().clone();
        int[] order = nonZeroAcInRandomOrder(coef, random);
        int ones = 0;
        for (int i : order) {
            ones += Math.abs(coef[i]) == 1 ? 1 : 0;
        }
        long usable = order.length - ones / 2;
        int k = 1;
        while (k < 16 && usable * (k + 1) / ((1L << (k + 1)) - 1) >= bits) {
            k++;
        }
        int n = (1 << k) - 1;
        int next = 0;
        long left = bits;
        int[] group = new int[n];
        while (left > 0) {
            int want = (int) Math.min(k, left);
            int message = random.nextInt(1 << want);
            while (true) {
                int got = 0;
                while (got < n && next < order.length) {
                    group[got++] = order[next++];
                }
                if (got < n) {
                    return coef; // out of coefficients: the rest of the message does not fit
                }
                int hash = 0;
                for (int i = 0; i < n; i++) {
                    if (bit(coef[group[i]]) == 1) {
                        hash ^= i + 1;
                    }
                }
                int s = hash ^ message;
                if (s == 0) {
                    break;
                }
                int at = group[s - 1];
                coef[at] = (short) (coef[at] > 0 ? coef[at] - 1 : coef[at] + 1);
                if (coef[at] != 0) {
                    break;
                }
                // shrinkage: the group is formed again from its other coefficients and the next one
                next -= n;
                order = without(order, next + s - 1);
            }
            left -= want;
        }
        return coef;
    }

    /** The nsF5 simulator at {@code alpha} bits per non-zero AC coefficient. */
    public static short[] nsF5(JpegCoefficients.Component c, double alpha, SplittableRandom random) {
        short[] coef = c.coefficients().clone();
        int[] order = nonZeroAcInRandomOrder(coef, random);
        long changes = Math.round(order.length * inverseBinaryEntropy(Math.min(1, alpha)));
        for (int i = 0; i < changes && i < order.length; i++) {
            int at = order[i];
            coef[at] = (short) (coef[at] > 0 ? coef[at] - 1 : coef[at] + 1);
        }
        return coef;
    }

    static int bit(short v) {
        return v > 0 ? v & 1 : 1 - (-v & 1);
    }

    /** beta in [0, 0.5] with H(beta) = h (bisection). */
    static double inverseBinaryEntropy(double h) {
        double lo = 0;
        double hi = 0.5;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            double e = mid <= 0 ? 0 : -mid * Math.log(mid) / Math.log(2) - (1 - mid) * Math.log(1 - mid) / Math.log(2);
            if (e < h) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    static int[] nonZeroAcInRandomOrder(short[] coef, SplittableRandom random) {
        int n = 0;
        for (int i = 0; i < coef.length; i++) {
            if ((i & 63) != 0 && coef[i] != 0) {
                n++;
            }
        }
        int[] order = new int[n];
        n = 0;
        for (int i = 0; i < coef.length; i++) {
            if ((i & 63) != 0 && coef[i] != 0) {
                order[n++] = i;
            }
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int[] without(int[] a, int index) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, index);
        System.arraycopy(a, index + 1, out, index, a.length - index - 1);
        return out;
    }
}
