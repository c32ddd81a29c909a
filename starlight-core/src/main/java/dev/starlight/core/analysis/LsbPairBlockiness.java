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
 * rounding), on the block edges only, and the three versions (as is, {@code F1}, {@code F-1}) are transformed in
 * one pass without copies: an edge sample is sum_v B[y][v] sum_u F[v][u] B[x][u] with x (or y) 0 or 7, and
 * B[7][u] = (-1)^u B[0][u], so a block needs only the sums of its rows and of its columns against B[0], split by
 * parity, then one 1-D transform per edge. Stateless.
 */
final class LsbPairBlockiness {
    private static final int VERSIONS = 3; // as is, F1, F-1
    /** Per block and version: left, right, top and bottom edge, 8 samples each. */
    private static final int EDGES = 32;

    private LsbPairBlockiness() {
    }

    /**
     * The rise of the blockiness (mean absolute difference across block boundaries) under {@code F-1} minus that
     * under {@code F1}, and that difference divided by the sum of the two rises (0 when they are 0).
     */
    static double[] of(JpegCoefficients.Component c) {
        float[] edges = edges(c);
        double b0 = blockiness(edges, c, 0);
        double up = blockiness(edges, c, 1) - b0;
        double down = blockiness(edges, c, 2) - b0;
        double rise = up + down;
        return new double[] {down - up, rise > 0 ? (down - up) / rise : 0};
    }

    /** {@code F1} (v XOR 1 for every v but 0 and 1) of one value. */
    static int up(int v) {
        return v == 0 || v == 1 ? v : v ^ 1;
    }

    /** {@code F-1}, the mirror image of {@code F1} (-((-v) XOR 1) for every v but 0 and -1), of one value. */
    static int down(int v) {
        return v == 0 || v == -1 ? v : -((-v) ^ 1);
    }

    /** The unrounded edge samples of every block, for the three versions: [(block * 3 + version) * 32 + ...]. */
    static float[] edges(JpegCoefficients.Component c) {
        short[] coef = c.coefficients();
        int[] q = c.quant();
        float[] basis = JpegLuma.basis();
        float[] out = new float[c.blockCount() * VERSIONS * EDGES];
        // per version, per row v: the sums over even and odd u of F[v][u] B[0][u]; per column u likewise over v
        float[] rowEven = new float[VERSIONS * 8];
        float[] rowOdd = new float[VERSIONS * 8];
        float[] colEven = new float[VERSIONS * 8];
        float[] colOdd = new float[VERSIONS * 8];
        for (int b = 0; b < c.blockCount(); b++) {
            java.util.Arrays.fill(rowEven, 0f);
            java.util.Arrays.fill(rowOdd, 0f);
            java.util.Arrays.fill(colEven, 0f);
            java.util.Arrays.fill(colOdd, 0f);
            int o = b * 64;
            for (int k = 0; k < 64; k++) {
                int value = coef[o + k];
                if (value == 0) {
                    continue; // 0 stays 0 under both flips
                }
                int v = k >> 3;
                int u = k & 7;
                // rows (and columns) of even and odd u (v) go to separate sums; the versions sit 8 apart
                float[] rows = (u & 1) == 0 ? rowEven : rowOdd;
                float[] cols = (v & 1) == 0 ? colEven : colOdd;
                float bu = basis[u];
                float bv = basis[v];
                float f0 = value * q[k];
                float f1 = up(value) * q[k];
                float f2 = down(value) * q[k];
                rows[v] += f0 * bu;
                rows[8 + v] += f1 * bu;
                rows[16 + v] += f2 * bu;
                cols[u] += f0 * bv;
                cols[8 + u] += f1 * bv;
                cols[16 + u] += f2 * bv;
            }
            for (int version = 0; version < VERSIONS; version++) {
                int e = (b * VERSIONS + version) * EDGES;
                int s = version * 8;
                for (int i = 0; i < 8; i++) {
                    float left = 0;
                    float right = 0;
                    float top = 0;
                    float bottom = 0;
                    for (int j = 0; j < 8; j++) {
                        float w = basis[i * 8 + j];
                        left += w * (rowEven[s + j] + rowOdd[s + j]);
                        right += w * (rowEven[s + j] - rowOdd[s + j]);
                        top += w * (colEven[s + j] + colOdd[s + j]);
                        bottom += w * (colEven[s + j] - colOdd[s + j]);
                    }
                    out[e + i] = left;
                    out[e + 8 + i] = right;
                    out[e + 16 + i] = top;
                    out[e + 24 + i] = bottom;
                }
            }
        }
        return out;
    }

    /** Mean absolute difference across the block boundaries of one version (as the blockiness of the plane). */
    private static double blockiness(float[] edges, JpegCoefficients.Component c, int version) {
        int bw = c.blocksWide();
        int bh = c.blocksHigh();
        double sum = 0;
        long n = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int here = ((by * bw + bx) * VERSIONS + version) * EDGES;
                if (bx + 1 < bw) {
                    int right = ((by * bw + bx + 1) * VERSIONS + version) * EDGES;
                    for (int i = 0; i < 8; i++) {
                        sum += Math.abs(edges[right + i] - edges[here + 8 + i]);
                    }
                    n += 8;
                }
                if (by + 1 < bh) {
                    int below = (((by + 1) * bw + bx) * VERSIONS + version) * EDGES;
                    for (int i = 0; i < 8; i++) {
                        sum += Math.abs(edges[below + 16 + i] - edges[here + 24 + i]);
                    }
                    n += 8;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
