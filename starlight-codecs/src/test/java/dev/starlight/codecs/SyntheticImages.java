package dev.starlight.codecs;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.util.List;
import java.util.Random;

/** Images drawn in code for tests: smooth gradients with seeded noise, so they look like photos to a detector. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static DecodedImage rgb(ImageFormat format, int width, int height, boolean alpha, int bitDepth, long seed) {
        Random random = new Random(seed);
        int max = (1 << bitDepth) - 1;
        int planes = alpha ? 4 : 3;
        int[][] p = new int[planes][width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                for (int c = 0; c < 3; c++) {
                    double v = (x * (c + 1) + y * (3 - c)) / (double) (width + height) / 2.5 + random.nextGaussian() * 0.02;
                    p[c][i] = clamp((int) Math.round(v * max), max);
                }
                if (alpha) {
                    p[3][i] = max;
                }
            }
        }
        return image(format, width, height, bitDepth, alpha ? ColorType.RGBA : ColorType.RGB, p, null, null);
    }

    public static DecodedImage indexed(ImageFormat format, int width, int height, int paletteSize, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[paletteSize];
        for (int i = 0; i < paletteSize; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        Palette palette = new Palette(rgb, null);
        int[] indices = new int[width * height];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (i / 7 + random.nextInt(3)) % paletteSize;
        }
        int[][] planes = new int[3][indices.length];
        for (int i = 0; i < indices.length; i++) {
            planes[0][i] = palette.red(indices[i]);
            planes[1][i] = palette.green(indices[i]);
            planes[2][i] = palette.blue(indices[i]);
        }
        int bitDepth = paletteSize <= 2 ? 1 : paletteSize <= 4 ? 2 : paletteSize <= 16 ? 4 : 8;
        return image(format, width, height, bitDepth, ColorType.INDEXED, planes, palette, indices);
    }

    /** Encodes with the project's own writer. */
    public static byte[] encode(DecodedImage image) {
        return ImageCodecs.writer(image.format()).encode(image);
    }

    private static DecodedImage image(ImageFormat format, int width, int height, int bitDepth, ColorType type,
                                      int[][] planes, Palette palette, int[] indices) {
        return new DecodedImage(format, width, height, bitDepth, type, planes, palette, indices,
                format == ImageFormat.JPEG, List.of(), List.of(new FrameInfo(0, 0, 0, width, height, 0, false, false)),
                0, new byte[0]);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
