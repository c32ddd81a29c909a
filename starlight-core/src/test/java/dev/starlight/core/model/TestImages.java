package dev.starlight.core.model;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.Palette;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** Decoded images built in code for the model tests. */
final class TestImages {
    private TestImages() {
    }

    /** 8-bit RGB where every channel of pixel (x, y) is {@code sample.applyAsInt(x, y)}. */
    static DecodedImage rgb(int width, int height, IntBinaryOperator sample) {
        int[][] planes = new int[3][width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = sample.applyAsInt(x, y);
                for (int[] plane : planes) {
                    plane[y * width + x] = v;
                }
            }
        }
        return image(ImageFormat.PNG, width, height, 8, ColorType.RGB, planes, null, null, List.of(), new byte[0]);
    }

    /** Planes given channel by channel (R, G, B[, A]) at a bit depth. */
    static DecodedImage planes(int width, int height, int bitDepth, ColorType type, int[][] planes) {
        return image(ImageFormat.PNG, width, height, bitDepth, type, planes, null, null, List.of(), new byte[0]);
    }

    static DecodedImage indexed(int width, int height, Palette palette, int[] indices) {
        int[][] planes = new int[3][indices.length];
        for (int i = 0; i < indices.length; i++) {
            planes[0][i] = palette.red(indices[i]);
            planes[1][i] = palette.green(indices[i]);
            planes[2][i] = palette.blue(indices[i]);
        }
        return image(ImageFormat.GIF, width, height, 8, ColorType.INDEXED, planes, palette, indices, List.of(),
                new byte[0]);
    }

    static DecodedImage withExtras(DecodedImage base, List<MetadataSegment> metadata, byte[] trailer) {
        return image(base.format(), base.width(), base.height(), base.bitDepth(), base.colorType(), base.planes(),
                base.palette(), base.indices(), metadata, trailer);
    }

    private static DecodedImage image(ImageFormat format, int width, int height, int bitDepth, ColorType type,
                                      int[][] planes, Palette palette, int[] indices, List<MetadataSegment> metadata,
                                      byte[] trailer) {
        return new DecodedImage(format, width, height, bitDepth, type, planes, palette, indices, false, metadata,
                List.of(new FrameInfo(0, 0, 0, width, height, 0, false, false)), 0, trailer);
    }
}
