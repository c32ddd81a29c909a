package dev.starlight.core.model;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;

/**
 * A decoded image seen as three colour channels, three LSB source channels and an optional alpha channel, so
 * that grey, RGB and indexed images feed the same streams. Grey is the same plane three times; an indexed image
 * shows its palette-expanded colours, and its palette indices as the LSB source (the stored samples).
 */
final class SampleView {
    final int width;
    final int height;
    final int[][] colour;
    final float colourScale;
    final int[][] lsbSource;
    final int lsbSourceMax;
    final int[] alpha;
    final float alphaScale;
    final boolean lossy;

    private SampleView(DecodedImage image) {
        width = image.width();
        height = image.height();
        lossy = image.lossy();
        int pixels = image.pixelCount();
        int[][] planes = image.colourPlanes();
        colour = planes.length == 1 ? new int[][] {planes[0], planes[0], planes[0]} : planes;
        for (int[] plane : colour) {
            requireLength(plane, pixels, "colour plane");
        }
        if (image.isIndexed()) {
            requireLength(image.indices(), pixels, "index plane");
            colourScale = 255f;
            lsbSource = new int[][] {image.indices(), image.indices(), image.indices()};
            lsbSourceMax = 255;
            alphaScale = 255f;
        } else {
            colourScale = image.maxSample();
            lsbSource = colour;
            lsbSourceMax = image.maxSample();
            alphaScale = image.maxSample();
        }
        alpha = image.alphaPlane();
        if (alpha != null) {
            requireLength(alpha, pixels, "alpha plane");
        }
    }

    static SampleView of(DecodedImage image) {
        if (image.width() < 1 || image.height() < 1) {
            throw new StarlightException(ErrorCode.MALFORMED,
                    "image has no pixels (" + image.width() + "x" + image.height() + ")");
        }
        return new SampleView(image);
    }

    /** Pixel index of tile-relative position (tx, ty) of the tile at (x0, y0), clamped to the image (edge padding). */
    int clampedIndex(int x0, int y0, int tx, int ty) {
        int x = Math.min(x0 + tx, width - 1);
        int y = Math.min(y0 + ty, height - 1);
        return y * width + x;
    }

    private static void requireLength(int[] plane, int pixels, String what) {
        if (plane == null || plane.length < pixels) {
            throw new StarlightException(ErrorCode.MALFORMED, what + " holds " + (plane == null ? 0 : plane.length)
                    + " samples, the image needs " + pixels);
        }
    }
}
