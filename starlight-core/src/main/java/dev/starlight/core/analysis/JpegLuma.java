package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageDecodeException;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.function.Function;

/**
 * What the JPEG detectors share: reading the luma coefficients of a file, and a plain float 8x8 DCT pair
 * (ITU-T T.81 A.3.3, orthonormal, separable: rows, then columns).
 */
final class JpegLuma {
    /** BASIS[x * 8 + u] = C(u) / 2 * cos((2x + 1) u pi / 16), C(0) = 1 / sqrt(2), else 1. */
    private static final float[] BASIS = new float[64];
    /** BASIS transposed: BASIS_T[u * 8 + x] = BASIS[x * 8 + u]. */
    private static final float[] BASIS_T = new float[64];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                BASIS[x * 8 + u] = (float) (c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16));
                BASIS_T[u * 8 + x] = BASIS[x * 8 + u];
            }
        }
    }

    private JpegLuma() {
    }

    /**
     * The calibrated estimate of a component (Fridrich): its samples decompressed, and the coefficients of those
     * samples cropped by 4 pixels at the top and left and compressed again on the 8x8 grid with the same table
     * (every mode). What {@link JpegCalibrationDetector} and {@link JpegStegoFeatures} share, computed once.
     */
    record Calibration(float[] plane, JpegCoefficients.Component calibrated) {
    }

    /** The calibration of {@code c}; null when it has fewer than 3x3 blocks. */
    static Calibration calibrate(JpegCoefficients.Component c) {
        int bw = c.blocksWide();
        int bh = c.blocksHigh();
        if (bw < 3 || bh < 3) {
            return null;
        }
        float[] plane = decompress(c);
        short[] cal = recompress(plane, bw * 8, 4, 4, bw - 1, bh - 1, c.quant(), 14);
        return new Calibration(plane, new JpegCoefficients.Component(c.id(), c.h(), c.v(), c.quant(), bw - 1,
                bh - 1, cal));
    }

    /** The luma coefficients of a JPEG, or why they cannot be read (exactly one of the two is set). */
    record Luma(JpegCoefficients.Component component, String whyNot) {
    }

    static Luma read(DecodedImage image, byte[] file) {
        if (image == null || image.format() != ImageFormat.JPEG || file == null) {
            return new Luma(null, "not a JPEG");
        }
        try {
            return new Luma(JpegCoefficientReader.read(file).luma(), null);
        } catch (ImageDecodeException e) {
            return new Luma(null, "DCT coefficients unreadable: " + e.getMessage());
        }
    }

    /** One statistic's evidence on the luma coefficients, or not-run evidence saying why there are none. */
    static Evidence evidence(DecodedImage image, byte[] file, String family,
                             Function<JpegCoefficients.Component, Evidence> statistic) {
        Luma luma = read(image, file);
        return luma.whyNot() != null ? Evidence.notRun(family, luma.whyNot()) : statistic.apply(luma.component());
    }

    /**
     * Inverse DCT of one block: {@code in} in natural order (row = vertical frequency), {@code out} samples. Each
     * output is the sum of its products in ascending frequency, rows first, then columns ({@link #combine}).
     */
    static void idct(float[] in, float[] out, float[] tmp) {
        int nonZeroRows = 0;
        for (int k = 0; k < 64; k++) {
            if (in[k] != 0) {
                nonZeroRows |= 1 << (k >> 3);
            }
        }
        idct(in, nonZeroRows, out, tmp, false);
    }

    /**
     * {@link #idct} with the rows of the input that hold a non-zero value given as bits ({@code 1 << v}); with
     * {@code edgesOnly}, rows 1 to 6 of the output get only their first and last sample (same values).
     */
    private static void idct(float[] in, int nonZeroRows, float[] out, float[] tmp, boolean edgesOnly) {
        int rows = 0; // 1 + the last row of the input with a non-zero value
        for (int v = 0; v < 8; v++) {
            int r = v * 8;
            if ((nonZeroRows & (1 << v)) == 0) {
                java.util.Arrays.fill(tmp, r, r + 8, 0f);
            } else {
                rows = v + 1;
                combine(in, r, 1, 8, BASIS_T, tmp, r);
            }
        }
        for (int y = 0; y < 8; y++) {
            int b = y * 8;
            if (edgesOnly && y > 0 && y < 7) {
                float s0 = 0;
                float s7 = 0;
                for (int v = 0; v < rows; v++) {
                    float c = BASIS[b + v];
                    s0 += c * tmp[v * 8];
                    s7 += c * tmp[v * 8 + 7];
                }
                out[b] = s0;
                out[b + 7] = s7;
            } else {
                combine(BASIS, b, 1, rows, tmp, out, b);
            }
        }
    }

    /**
     * Forward DCT of one block of samples (row-major) to the coefficients (v, u) with u + v &lt;= {@code maxSum}
     * (natural order; the others are left as they were). 14 gives all 64.
     */
    static void fdct(float[] in, float[] out, float[] tmp, int maxSum) {
        if (maxSum >= 14) {
            for (int y = 0; y < 8; y++) {
                combine(in, y * 8, 1, 8, BASIS, tmp, y * 8);
            }
            for (int v = 0; v < 8; v++) {
                combine(BASIS, v, 8, 8, tmp, out, v * 8);
            }
            return;
        }
        int top = Math.min(7, maxSum);
        for (int y = 0; y < 8; y++) {
            int r = y * 8;
            for (int u = 0; u <= top; u++) {
                float s = 0;
                for (int x = 0; x < 8; x++) {
                    s += in[r + x] * BASIS[x * 8 + u];
                }
                tmp[r + u] = s;
            }
        }
        for (int v = 0; v <= top; v++) {
            for (int u = 0; u <= top && u + v <= maxSum; u++) {
                float s = 0;
                for (int y = 0; y < 8; y++) {
                    s += BASIS[y * 8 + v] * tmp[y * 8 + u];
                }
                out[v * 8 + u] = s;
            }
        }
    }

    /**
     * Eight sums at once: out[o + j] = sum over i &lt; n, in ascending i, of a[aOff + i * aStride] * rows[i * 8 + j],
     * for j = 0..7: one step of a separable 8x8 transform (the same sums, in the same order, as a loop over the
     * outputs would make), kept in eight locals so that each coefficient and each row is read once.
     */
    private static void combine(float[] a, int aOff, int aStride, int n, float[] rows, float[] out, int o) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        for (int i = 0; i < n; i++) {
            float c = a[aOff + i * aStride];
            int t = i * 8;
            s0 += c * rows[t];
            s1 += c * rows[t + 1];
            s2 += c * rows[t + 2];
            s3 += c * rows[t + 3];
            s4 += c * rows[t + 4];
            s5 += c * rows[t + 5];
            s6 += c * rows[t + 6];
            s7 += c * rows[t + 7];
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
    }

    /**
     * The component decompressed to 8-bit samples (dequantise, inverse DCT, level shift, round, clamp), one
     * plane of {@code blocksWide * 8} by {@code blocksHigh * 8}.
     */
    static float[] decompress(JpegCoefficients.Component c) {
        return decompress(c, false);
    }

    /**
     * As {@link #decompress} for the samples on the edges of the 8x8 blocks (their first and last rows and
     * columns: what blockiness reads), with the same values; the samples inside the blocks are left 0.
     */
    static float[] decompressBlockEdges(JpegCoefficients.Component c) {
        return decompress(c, true);
    }

    /** The 1-D DCT basis, BASIS[x * 8 + u] (shared, not to be changed). */
    static float[] basis() {
        return BASIS;
    }

    private static float[] decompress(JpegCoefficients.Component c, boolean edgesOnly) {
        int bw = c.blocksWide();
        int stride = bw * 8;
        float[] plane = new float[stride * c.blocksHigh() * 8];
        float[] in = new float[64];
        float[] out = new float[64];
        float[] tmp = new float[64];
        short[] coef = c.coefficients();
        int[] q = c.quant();
        for (int b = 0; b < c.blockCount(); b++) {
            int o = b * 64;
            int nonZeroRows = 0;
            for (int k = 0; k < 64; k++) {
                int v = coef[o + k] * q[k];
                in[k] = v;
                nonZeroRows |= (v != 0 ? 1 : 0) << (k >> 3);
            }
            idct(in, nonZeroRows, out, tmp, edgesOnly);
            int base = (b / bw) * 8 * stride + (b % bw) * 8;
            for (int y = 0; y < 8; y++) {
                boolean inner = edgesOnly && y > 0 && y < 7;
                for (int x = 0; x < 8; x += inner && x == 0 ? 7 : 1) {
                    // Math.round's floor(x + 1/2), exact in double for these magnitudes, then clamped
                    double p = Math.floor((double) (out[y * 8 + x] + 128) + 0.5);
                    plane[base + y * stride + x] = p < 0 ? 0 : (p > 255 ? 255 : (float) p);
                }
            }
        }
        return plane;
    }

    /**
     * Quantised DCT coefficients of the plane's 8x8 blocks on a grid shifted by ({@code dx}, {@code dy}),
     * {@code wide} by {@code high} blocks, with table {@code q}; only the modes (v, u) with u + v &lt;=
     * {@code maxSum} are computed, the others are 0.
     */
    static short[] recompress(float[] plane, int stride, int dx, int dy, int wide, int high, int[] q,
                              int maxSum) {
        short[] out = new short[wide * high * 64];
        float[] in = new float[64];
        float[] f = new float[64];
        float[] tmp = new float[64];
        for (int by = 0; by < high; by++) {
            for (int bx = 0; bx < wide; bx++) {
                int base = (dy + by * 8) * stride + dx + bx * 8;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        in[y * 8 + x] = plane[base + y * stride + x] - 128;
                    }
                }
                fdct(in, f, tmp, maxSum);
                int o = (by * wide + bx) * 64;
                for (int k = 0; k < 64; k++) {
                    if ((k >> 3) + (k & 7) <= maxSum) {
                        out[o + k] = (short) (int) Math.floor((double) (f[k] / q[k]) + 0.5); // Math.round, exactly
                    }
                }
            }
        }
        return out;
    }

    /** Logistic squashing to 0..1. */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
