package dev.starlight.lab.jpeg;

import dev.starlight.codecs.image.JpegCoefficients;
import java.util.SplittableRandom;

/**
 * Jsteg (Derek Upham, 1993), written here from its description: the message bits replace the least significant
 * bits of the quantised AC coefficients in order (block by block, zig-zag left to natural order here: the set
 * changed is what matters to the statistics), skipping the coefficients 0 and 1; values keep their sign, so the
 * pairs (2k, 2k + 1) and (-2k, -2k + 1) trade places.
 */
public final class JstegEmbedder {
    private JstegEmbedder() {
    }

    /** {@code bits} random message bits; returns the changed coefficients (the input is left as it was). */
    public static short[] embed(JpegCoefficients.Component c, long bits, SplittableRandom random) {
        short[] coef = c.coefficients().clone();
        long left = bits;
        for (int i = 0; i < coef.length && left > 0; i++) {
            int v = coef[i];
            if ((i & 63) == 0 || v == 0 || v == 1) {
                continue;
            }
            int b = random.nextInt(2);
            coef[i] = (short) ((v & ~1) | b);
            left--;
        }
        return coef;
    }

    /** Coefficients jsteg can use: AC, neither 0 nor 1. */
    public static int capacity(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int n = 0;
        for (int i = 0; i < coef.length; i++) {
            if ((i & 63) != 0 && coef[i] != 0 && coef[i] != 1) {
                n++;
            }
        }
        return n;
    }
}
