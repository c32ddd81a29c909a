package dev.starlight.core.analysis;

import dev.starlight.codecs.image.JpegCoefficients;

/**
 * How the blockiness of a JPEG answers when the least significant bits of its coefficients are flipped, in the
 * manner of RS analysis (Fridrich, Goljan and Du) with the blockiness of Fridrich, Goljan and Hogea's attack on
 * OutGuess as the measure of smoothness.
 *
 * <p>OutGuess and jsteg replace the LSB of every coefficient they use (two's complement, so the pairs are
 * (2k, 2k + 1): -2 with -1, 2 with 3) and never touch 0 and 1. Flipping every such LSB ({@code F1}) takes the
 * coefficients they changed back to the cover's values, so the blockiness rises less than it does on a cover.
 * Its mirror image ({@code F-1}: the pairs (2k - 1, 2k), every value but 0 and -1) moves them further away. On a
 * cover, whose coefficients are symmetric about 0, the two flips are mirror images and raise the blockiness alike.
 * So the difference of the two rises is near 0 on covers and grows with the share of coefficients embedding
 * changed. The DC coefficients are flipped too: OutGuess writes them.
 *
 * <p>The samples are the unrounded inverse DCT (on 8-bit samples the flips of a flat image vanish in the
 * rounding), block edges only. Stateless.
 */
final class LsbPairBlockiness {
    private LsbPairBlockiness() {
    }

    /**
     * The rise of the blockiness (mean absolute difference across block boundaries) under {@code F-1} minus that
     * under {@code F1}, and that difference divided by the sum of the two rises (0 when they are 0).
     */
    static double[] of(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int w = c.blocksWide() * 8;
        int h = c.blocksHigh() * 8;
        double b0 = JpegStegoFeatures.blockiness(JpegLuma.unroundedBlockEdges(c, coef), w, h)[0];
        double up = JpegStegoFeatures.blockiness(JpegLuma.unroundedBlockEdges(c, flip(coef, 1)), w, h)[0] - b0;
        double down = JpegStegoFeatures.blockiness(JpegLuma.unroundedBlockEdges(c, flip(coef, -1)), w, h)[0] - b0;
        double rise = up + down;
        return new double[] {down - up, rise > 0 ? (down - up) / rise : 0};
    }

    /**
     * {@code F1} ({@code direction} 1: v XOR 1 for every v but 0 and 1) or its mirror {@code F-1} (-1: -((-v) XOR 1)
     * for every v but 0 and -1), on a copy.
     */
    static short[] flip(short[] coef, int direction) {
        short[] out = new short[coef.length];
        int kept = direction > 0 ? 1 : -1;
        for (int i = 0; i < coef.length; i++) {
            int v = coef[i];
            out[i] = v == 0 || v == kept ? (short) v
                    : (short) (direction > 0 ? v ^ 1 : -((-v) ^ 1));
        }
        return out;
    }
}
