package dev.starlight.core.model;

/**
 * The {@code stats} and {@code tile_stats} streams: {@value #LENGTH} cheap statistics of the real pixels of one tile (padding excluded).
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>index</th><th>value</th></tr>
 *   <tr><td>4c + 0</td><td>mean of colour channel c (R, G, B) scaled to 0..1</td></tr>
 *   <tr><td>4c + 1</td><td>variance of channel c on the same scale</td></tr>
 *   <tr><td>4c + 2</td><td>LSB balance: fraction of LSB-source samples of channel c that are odd</td></tr>
 *   <tr><td>4c + 3</td><td>pairs-of-values asymmetry: {@code sum over pairs (2k, 2k+1) of |n(2k) - n(2k+1)|}
 *       divided by the sample count (0..1). LSB replacement evens out the pairs and drives it down, the signal a
 *       chi-square attack uses</td></tr>
 *   <tr><td>12</td><td>{@code stats}: 1 when the image has alpha. {@code tile_stats}: mean transparency
 *       (max − alpha) scaled to 0..1, 0 without alpha or when opaque</td></tr>
 *   <tr><td>13</td><td>{@code stats}: fraction of odd alpha samples (0 without alpha). {@code tile_stats}: fraction
 *       of odd transparency samples, 0 without alpha or when opaque</td></tr>
 *   <tr><td>14</td><td>fraction of the tile covered by real pixels (1 unless the tile crosses an edge)</td></tr>
 *   <tr><td>15</td><td>1 when the samples come from a lossy decoder (JPEG, lossy WebP)</td></tr>
 * </table>
 * LSB-source samples are the stored samples: colour samples, or palette indices for indexed images. Only indices
 * 12 and 13 differ between the two streams: {@code stats} tells a model whether an alpha plane exists (a shortcut),
 * {@code tile_stats} reads an opaque plane as no plane.
 */
final class TileStatistics {
    static final int LENGTH = 16;

    private final SampleView view;
    private final int tileSize;
    private final boolean transparency;
    /** Per value pair (v >> 1): count of even minus count of odd values; reset after each channel. */
    private final int[] pairBalance;

    /** @param transparency true for {@code tile_stats}, false for the legacy {@code stats} */
    TileStatistics(SampleView view, int tileSize, boolean transparency) {
        this.view = view;
        this.tileSize = tileSize;
        this.transparency = transparency;
        this.pairBalance = new int[(view.lsbSourceMax >> 1) + 1];
    }

    void compute(TileGrid.Tile tile, float[] out, int offset) {
        int xEnd = Math.min(tile.x() + tileSize, view.width);
        int yEnd = Math.min(tile.y() + tileSize, view.height);
        int count = (xEnd - tile.x()) * (yEnd - tile.y());
        for (int c = 0; c < 3; c++) {
            int[] colour = view.colour[c];
            int[] source = view.lsbSource[c];
            double sum = 0;
            double sumSquares = 0;
            int odd = 0;
            for (int y = tile.y(); y < yEnd; y++) {
                for (int x = tile.x(); x < xEnd; x++) {
                    int i = y * view.width + x;
                    double v = colour[i] / (double) view.colourScale;
                    sum += v;
                    sumSquares += v * v;
                    int s = source[i];
                    odd += s & 1;
                    pairBalance[pairOf(s)] += (s & 1) == 0 ? 1 : -1;
                }
            }
            double mean = sum / count;
            out[offset + 4 * c] = (float) mean;
            out[offset + 4 * c + 1] = (float) Math.max(0, sumSquares / count - mean * mean);
            out[offset + 4 * c + 2] = odd / (float) count;
            out[offset + 4 * c + 3] = drainPairBalance(source, tile.x(), xEnd, tile.y(), yEnd) / (float) count;
        }
        if (transparency) {
            if (view.transparency != null) {
                double sum = 0;
                int odd = 0;
                for (int y = tile.y(); y < yEnd; y++) {
                    for (int x = tile.x(); x < xEnd; x++) {
                        int t = view.transparency[y * view.width + x];
                        sum += t;
                        odd += t & 1;
                    }
                }
                out[offset + 12] = (float) (sum / count / view.alphaScale);
                out[offset + 13] = odd / (float) count;
            }
        } else if (view.alpha != null) {
            int odd = 0;
            for (int y = tile.y(); y < yEnd; y++) {
                for (int x = tile.x(); x < xEnd; x++) {
                    odd += view.alpha[y * view.width + x] & 1;
                }
            }
            out[offset + 12] = 1f;
            out[offset + 13] = odd / (float) count;
        }
        out[offset + 14] = count / (float) (tileSize * tileSize);
        out[offset + 15] = view.lossy ? 1f : 0f;
    }

    /** The value pair of a sample; out-of-range samples (never from a valid decoder) share the last slot. */
    private int pairOf(int sample) {
        return Math.min((sample & 0x7FFFFFFF) >> 1, pairBalance.length - 1);
    }

    /** Sums |balance| over the pairs this tile touched and resets them to zero. */
    private long drainPairBalance(int[] source, int x0, int xEnd, int y0, int yEnd) {
        long total = 0;
        for (int y = y0; y < yEnd; y++) {
            for (int x = x0; x < xEnd; x++) {
                int pair = pairOf(source[y * view.width + x]);
                total += Math.abs(pairBalance[pair]);
                pairBalance[pair] = 0;
            }
        }
        return total;
    }
}
