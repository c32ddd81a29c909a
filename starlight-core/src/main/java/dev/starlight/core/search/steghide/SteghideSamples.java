package dev.starlight.core.search.steghide;

import dev.starlight.codecs.image.JpegCoefficients;

/**
 * A JPEG as steghide's embedder sees it: one sample per non-zero quantised DCT coefficient, taken component by
 * component in frame order, block row by block row, each block's 64 coefficients in natural (row-major) order,
 * DC included; a sample's embedded value is the parity of the coefficient's magnitude. Zero coefficients are never
 * used, so they are not samples. This order is the one libjpeg's coefficient arrays give steghide 0.5.1, on the
 * components' own block grids (no MCU padding), which is how {@code JpegCoefficientReader} lays them out.
 *
 * @param parity the embedded value (0 or 1) of every sample, in steghide's order
 */
public record SteghideSamples(byte[] parity) {

    public static SteghideSamples of(JpegCoefficients coefficients) {
        int n = 0;
        for (JpegCoefficients.Component c : coefficients.components()) {
            for (short v : c.coefficients()) {
                if (v != 0) {
                    n++;
                }
            }
        }
        byte[] parity = new byte[n];
        int i = 0;
        for (JpegCoefficients.Component c : coefficients.components()) {
            for (short v : c.coefficients()) {
                if (v != 0) {
                    parity[i++] = (byte) (v & 1); // |v| and v have the same parity in two's complement
                }
            }
        }
        return new SteghideSamples(parity);
    }

    public int count() {
        return parity.length;
    }
}
