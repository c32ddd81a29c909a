package dev.starlight.core.explain;

import dev.starlight.codecs.image.DecodedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The saliency map as a picture, at the image's size: the image in dimmed grey, each tile the model saw tinted
 * red by its own stego probability, and the pixels that carry a sequential message outlined in cyan. Byte regions
 * (trailers, metadata) have no pixels and are not drawn.
 */
public final class HeatmapPng {
    private static final int OUTLINE = 0x00E5FF;

    private HeatmapPng() {
    }

    public static byte[] render(DecodedImage image, Saliency saliency) {
        int w = image.width();
        int h = image.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] grey = dimmedGrey(image);
        float[] tint = new float[w * h];
        int t = saliency.tileSize();
        for (TileSaliency tile : saliency.tiles()) {
            float a = (float) (0.65 / (1 + Math.exp(-tile.logit())));
            for (int y = tile.y(); y < Math.min(h, tile.y() + t); y++) {
                for (int x = tile.x(); x < Math.min(w, tile.x() + t); x++) {
                    tint[y * w + x] = a;
                }
            }
        }
        for (int i = 0; i < w * h; i++) {
            float a = tint[i];
            int g = grey[i];
            int r = Math.round(g * (1 - a) + 255 * a);
            int gb = Math.round(g * (1 - a));
            out.setRGB(i % w, i / w, r << 16 | gb << 8 | gb);
        }
        for (PayloadRegion region : saliency.regions()) {
            if (region.isPixels()) {
                outline(out, Math.min((long) w * h, region.pixels()));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Luma of each pixel scaled into 40..155, so the tint and outlines stand out. */
    private static int[] dimmedGrey(DecodedImage image) {
        int[][] c = image.colourPlanes();
        double max = image.isIndexed() ? 255 : image.maxSample();
        int[] out = new int[image.pixelCount()];
        for (int i = 0; i < out.length; i++) {
            double luma = c.length == 1 ? c[0][i] : 0.299 * c[0][i] + 0.587 * c[1][i] + 0.114 * c[2][i];
            out[i] = (int) Math.round(40 + 115 * Math.min(1, luma / max));
        }
        return out;
    }

    /** Marks the border pixels of the run of pixels 0 .. n-1 (row-major). */
    private static void outline(BufferedImage out, long n) {
        int w = out.getWidth();
        int rows = (int) ((n + w - 1) / w);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < w; x++) {
                if (inside(x, y, w, n) && (!inside(x - 1, y, w, n) || !inside(x + 1, y, w, n)
                        || !inside(x, y - 1, w, n) || !inside(x, y + 1, w, n))) {
                    out.setRGB(x, y, OUTLINE);
                }
            }
        }
    }

    private static boolean inside(int x, int y, int w, long n) {
        return x >= 0 && x < w && y >= 0 && (long) y * w + x < n;
    }
}
