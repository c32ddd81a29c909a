package dev.starlight.lab.dataset;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.util.List;
import java.util.Random;

/**
 * Photo-like images drawn in code: colour gradients with seeded Gaussian noise (true colour), or a banded index
 * pattern over a random 256-colour palette (GIF), encoded by the project's own writers. The benchmarks measure on
 * them and the detector warms its JIT with them; they are not a stand-in for real covers in any evaluation.
 */
public final class SyntheticCovers {
    private SyntheticCovers() {
    }

    /** A {@code size}×{@code size} image in {@code format}, the same bytes for the same arguments. */
    public static byte[] encoded(ImageFormat format, int size, long seed) {
        return ImageCodecs.writer(format).encode(format == ImageFormat.GIF ? indexed(size, seed) : rgb(format, size, seed));
    }

    private static DecodedImage rgb(ImageFormat format, int size, long seed) {
        Random random = new Random(seed);
        int[][] p = new int[3][size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 255.0 * (x * (c + 1) + y * (3 - c)) / (size * 5.0) + random.nextGaussian() * 4;
                    p[c][y * size + x] = Math.max(0, Math.min(255, (int) Math.round(v)));
                }
            }
        }
        return new DecodedImage(format, size, size, 8, ColorType.RGB, p, null, null, format == ImageFormat.JPEG,
                List.of(), List.of(new FrameInfo(0, 0, 0, size, size, 0, false, false)), 0, new byte[0]);
    }

    private static DecodedImage indexed(int size, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[256];
        for (int i = 0; i < 256; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        Palette palette = new Palette(rgb, null);
        int[] indices = new int[size * size];
        int[][] p = new int[3][indices.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = ((i % size) / 3 + random.nextInt(4)) & 0xFF;
            p[0][i] = palette.red(indices[i]);
            p[1][i] = palette.green(indices[i]);
            p[2][i] = palette.blue(indices[i]);
        }
        return new DecodedImage(ImageFormat.GIF, size, size, 8, ColorType.INDEXED, p, palette, indices, false,
                List.of(), List.of(new FrameInfo(0, 0, 0, size, size, 0, false, false)), 0, new byte[0]);
    }
}
