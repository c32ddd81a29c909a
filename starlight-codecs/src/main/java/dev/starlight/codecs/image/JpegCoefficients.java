package dev.starlight.codecs.image;

import java.util.List;

/**
 * The quantised DCT coefficients of a JPEG image, as {@link JpegCoefficientReader} read them.
 *
 * @param width       samples per line of the frame (T.81 B.2.2, X)
 * @param height      lines of the frame (Y)
 * @param progressive true for a progressive frame (SOF2)
 * @param components  the frame's components in SOF order (the first is luma for YCbCr images)
 */
public record JpegCoefficients(int width, int height, boolean progressive, List<Component> components) {

    public JpegCoefficients {
        components = List.copyOf(components);
    }

    /** The first component: luma for YCbCr, the only one for greyscale. */
    public Component luma() {
        return components.get(0);
    }

    /**
     * One component's coefficients.
     *
     * @param id           component identifier (C_i)
     * @param h            horizontal sampling factor (H_i)
     * @param v            vertical sampling factor (V_i)
     * @param quant        the quantisation table, 64 values in natural (row-major) order
     * @param blocksWide   blocks per row: ceil(ceil(X * H_i / Hmax) / 8)
     * @param blocksHigh   block rows: ceil(ceil(Y * V_i / Vmax) / 8)
     * @param coefficients 64 quantised coefficients per block in natural order (index = row * 8 + column of the
     *                     8x8 DCT), blocks row-major: block (bx, by) starts at {@code (by * blocksWide + bx) * 64}
     */
    public record Component(int id, int h, int v, int[] quant, int blocksWide, int blocksHigh, short[] coefficients) {

        public int blockCount() {
            return blocksWide * blocksHigh;
        }

        /** A copy with other coefficients (same grid and table). */
        public Component withCoefficients(short[] other) {
            return new Component(id, h, v, quant, blocksWide, blocksHigh, other);
        }
    }
}
