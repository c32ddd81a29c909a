package dev.starlight.core.model;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.Palette;

/**
 * The {@code palette} stream: one image-level vector of {@value #LENGTH} floats, all zero unless the image is
 * indexed.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>index</th><th>value</th></tr>
 *   <tr><td>3i, 3i+1, 3i+2 (i &lt; 256)</td><td>red, green, blue of palette entry i divided by 255 (0 past the
 *       palette's end)</td></tr>
 *   <tr><td>768 + i</td><td>share of the image's pixels that use index i (the histogram sums to 1)</td></tr>
 *   <tr><td>1024</td><td>palette size / 256</td></tr>
 *   <tr><td>1025</td><td>1 when every entry is grey (r = g = b)</td></tr>
 * </table>
 */
final class PaletteVector {
    static final int LENGTH = 256 * 3 + 256 + 2;
    private static final int HISTOGRAM = 768;

    private PaletteVector() {
    }

    static float[] of(DecodedImage image) {
        float[] v = new float[LENGTH];
        Palette palette = image.palette();
        if (!image.isIndexed() || palette == null) {
            return v;
        }
        for (int i = 0; i < palette.size(); i++) {
            v[3 * i] = palette.red(i) / 255f;
            v[3 * i + 1] = palette.green(i) / 255f;
            v[3 * i + 2] = palette.blue(i) / 255f;
        }
        int pixels = image.pixelCount();
        long[] counts = new long[256];
        int[] indices = image.indices();
        for (int i = 0; i < pixels; i++) {
            counts[indices[i] & 0xFF]++;
        }
        for (int i = 0; i < 256; i++) {
            v[HISTOGRAM + i] = (float) (counts[i] / (double) pixels);
        }
        v[1024] = palette.size() / 256f;
        v[1025] = palette.isGreyscale() ? 1f : 0f;
        return v;
    }
}
