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

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                BASIS[x * 8 + u] = (float) (c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16));
            }
        }
    }

    private JpegLuma() {
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

    /** Inverse DCT of one block: {@code in} in natural order (row = vertical frequency), {@code out} samples. */
    static void idct(float[] in, float[] out, float[] tmp) {
        int rows = 0; // 1 + the last row of the input with a non-zero value
        for (int v = 0; v < 8; v++) {
            int r = v * 8;
            boolean zero = true;
            for (int u = 0; u < 8 && zero; u++) {
                zero = in[r + u] == 0;
            }
            if (!zero) {
                rows = v + 1;
            }
            for (int x = 0; x < 8; x++) {
                float s = 0;
                if (!zero) {
                    int b = x * 8;
                    for (int u = 0; u < 8; u++) {
                        s += in[r + u] * BASIS[b + u];
                    }
                }
                tmp[r + x] = s;
            }
        }
        for (int y = 0; y < 8; y++) {
            int b = y * 8;
            for (int x = 0; x < 8; x++) {
                float s = 0;
                for (int v = 0; v < rows; v++) {
                    s += BASIS[b + v] * tmp[v * 8 + x];
                }
                out[b + x] = s;
            }
        }
    }

    /**
     * Forward DCT of one block of samples (row-major) to the coefficients (v, u) with u + v &lt;= {@code maxSum}
     * (natural order; the others are left as they were). 14 gives all 64.
     */
    static void fdct(float[] in, float[] out, float[] tmp, int maxSum) {
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
     * The component decompressed to 8-bit samples (dequantise, inverse DCT, level shift, round, clamp), one
     * plane of {@code blocksWide * 8} by {@code blocksHigh * 8}.
     */
    static float[] decompress(JpegCoefficients.Component c) {
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
            for (int k = 0; k < 64; k++) {
                in[k] = coef[o + k] * q[k];
            }
            idct(in, out, tmp);
            int base = (b / bw) * 8 * stride + (b % bw) * 8;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float p = Math.round(out[y * 8 + x] + 128);
                    plane[base + y * stride + x] = p < 0 ? 0 : (p > 255 ? 255 : p);
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
                        out[o + k] = (short) Math.round(f[k] / q[k]);
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
