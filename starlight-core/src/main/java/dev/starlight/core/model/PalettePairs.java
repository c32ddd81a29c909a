package dev.starlight.core.model;

import dev.starlight.codecs.image.DecodedImage;
import java.util.Arrays;

/**
 * The {@code palette_pairs} stream: one image-level vector of {@value #LENGTH} floats, all zero unless the image is
 * indexed. It describes how the pixels use the 128 index pairs (2k, 2k+1) whose low bit an index-LSB embedding
 * flips, and nothing about the colours: no palette entry, no greyness flag, no palette order. The pairs are listed
 * by how many pixels use them (then by balance), so any reordering of the palette that keeps each pair together
 * (moving pairs, swapping the two entries of a pair) gives the same vector.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>index</th><th>value</th></tr>
 *   <tr><td>2j</td><td>share of the pixels whose index is in the j-th most used pair</td></tr>
 *   <tr><td>2j + 1</td><td>that pair's imbalance |n(2k) − n(2k+1)| / (n(2k) + n(2k+1)), 0 when unused;
 *       LSB replacement drives it towards 0</td></tr>
 *   <tr><td>256</td><td>palette size / 256</td></tr>
 *   <tr><td>257</td><td>share of the palette's entries that some pixel uses</td></tr>
 * </table>
 */
final class PalettePairs {
    static final int LENGTH = 256 + 2;
    private static final int PAIRS = 128;

    private PalettePairs() {
    }

    static float[] of(DecodedImage image) {
        float[] v = new float[LENGTH];
        if (!image.isIndexed() || image.palette() == null) {
            return v;
        }
        int pixels = image.pixelCount();
        long[] counts = new long[256];
        int[] indices = image.indices();
        for (int i = 0; i < pixels; i++) {
            counts[indices[i] & 0xFF]++;
        }
        float[][] pairs = new float[PAIRS][2];
        int used = 0;
        for (int k = 0; k < PAIRS; k++) {
            long a = counts[2 * k];
            long b = counts[2 * k + 1];
            used += (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0);
            pairs[k][0] = (float) ((a + b) / (double) pixels);
            pairs[k][1] = a + b == 0 ? 0f : (float) (Math.abs(a - b) / (double) (a + b));
        }
        Arrays.sort(pairs, (p, q) -> p[0] != q[0] ? Float.compare(q[0], p[0]) : Float.compare(q[1], p[1]));
        for (int j = 0; j < PAIRS; j++) {
            v[2 * j] = pairs[j][0];
            v[2 * j + 1] = pairs[j][1];
        }
        int size = image.palette().size();
        v[256] = size / 256f;
        v[257] = size == 0 ? 0f : Math.min(1f, used / (float) size);
        return v;
    }
}
