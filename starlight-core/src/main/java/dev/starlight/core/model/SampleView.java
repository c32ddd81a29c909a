package dev.starlight.core.model;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;

/**
 * A decoded image seen as three colour channels, three LSB source channels and an optional alpha channel, so
 * that grey, RGB and indexed images feed the same streams. Grey is the same plane three times; an indexed image
 * shows its palette-expanded colours, and its palette indices as the LSB source (the stored samples). Samples deeper
 * than 8 bits are seen through their top 8 bits (see {@link InputStreams}).
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
    /** {@code max - alpha}: 0 where opaque, null without alpha, so an opaque plane and no plane look alike. */
    final int[] transparency;
    final boolean lossy;

    private SampleView(DecodedImage image) {
        width = image.width();
        height = image.height();
        lossy = image.lossy();
        int pixels = image.pixelCount();
        int shift = image.isIndexed() ? 0 : Math.max(0, image.bitDepth() - 8);
        int[][] planes = topBits(image.colourPlanes(), shift);
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
            int max = image.maxSample() >> shift;
            colourScale = max;
            lsbSource = colour;
            lsbSourceMax = max;
            alphaScale = max;
        }
        int[] storedAlpha = image.alphaPlane();
        if (storedAlpha != null) {
            requireLength(storedAlpha, pixels, "alpha plane");
            alpha = topBits(new int[][] {storedAlpha}, shift)[0];
            int max = (int) alphaScale;
            transparency = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                transparency[i] = max - alpha[i];
            }
        } else {
            alpha = null;
            transparency = null;
        }
    }

    /** The planes shifted right by {@code shift} bits (the same arrays when 0). */
    private static int[][] topBits(int[][] planes, int shift) {
        if (shift == 0) {
            return planes;
        }
        int[][] out = new int[planes.length][];
        for (int p = 0; p < planes.length; p++) {
            out[p] = new int[planes[p].length];
            for (int i = 0; i < out[p].length; i++) {
                out[p][i] = planes[p][i] >>> shift;
            }
        }
        return out;
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
