package dev.starlight.core.explain;

import dev.starlight.codecs.image.DecodedImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The saliency map as a picture a person can read at a glance: the image itself in dimmed grey, scaled up
 * (nearest neighbour) so that its long side is at least {@value #MIN_LONG_SIDE} px; each tile the model saw
 * overlaid with a colour from blue (low stego probability) through yellow to red (high), fainter for low; the pixels
 * that carry a sequential message filled translucent magenta and outlined thickly; and below the image a legend
 * band {@value #LEGEND_HEIGHT} px high with the colour scale, its labels and the payload swatch. Byte regions
 * (trailers, metadata) have no pixels: the legend names them instead.
 */
public final class HeatmapPng {
    /** A smaller image is scaled up by a whole factor until its long side reaches this. */
    public static final int MIN_LONG_SIDE = 512;
    /** Height of the legend band under the image. */
    public static final int LEGEND_HEIGHT = 64;
    /** The picture is at least this wide, so the legend fits beside a narrow image. */
    static final int MIN_WIDTH = 512;
    /** The colour scale bar in the legend: left edge, top (from the band's top), width, height. */
    static final int BAR_X = 12;
    static final int BAR_Y = 8;
    static final int BAR_WIDTH = 200;
    static final int BAR_HEIGHT = 16;
    static final int PAYLOAD = 0xFF00FF;
    static final double MIN_TILE_OPACITY = 0.2;
    static final double MAX_TILE_OPACITY = 0.65;
    static final double PAYLOAD_OPACITY = 0.45;
    private static final int BACKGROUND = 0x202020;
    /** Blue, yellow, red: low, middle, high stego probability. */
    private static final int[][] SCALE = {{40, 80, 220}, {250, 220, 50}, {225, 25, 25}};

    private HeatmapPng() {
    }

    public static byte[] render(DecodedImage image, Saliency saliency) {
        int w = image.width();
        int h = image.height();
        int s = scaleFor(w, h);
        int width = Math.max(MIN_WIDTH, w * s);
        int height = h * s + LEGEND_HEIGHT;
        int[] src = dimmedGrey(image);
        tint(src, w, h, saliency);
        long payloadPixels = payloadPixels(saliency, (long) w * h);
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        int thickness = Math.max(3, s / 2);
        for (int y = 0; y < h * s; y++) {
            for (int x = 0; x < w * s; x++) {
                int rgb = src[(y / s) * w + x / s];
                if (inside(x / s, y / s, w, payloadPixels)) {
                    rgb = edge(x, y, s, w, thickness, payloadPixels) ? PAYLOAD : blend(rgb, PAYLOAD, PAYLOAD_OPACITY);
                }
                out[y * width + x] = rgb;
            }
        }
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, width, height, out, 0, width);
        legend(picture, h * s, saliency);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The whole factor that brings the long side to at least {@value #MIN_LONG_SIDE} px; 1 for a large image. */
    static int scaleFor(int width, int height) {
        int longSide = Math.max(1, Math.max(width, height));
        return Math.max(1, (MIN_LONG_SIDE + longSide - 1) / longSide);
    }

    /** The scale's colour for a stego probability in 0..1. */
    static int colour(double p) {
        double t = Math.max(0, Math.min(1, p)) * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) t);
        double f = t - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            rgb = rgb << 8 | (int) Math.round(SCALE[i][c] + f * (SCALE[i + 1][c] - SCALE[i][c]));
        }
        return rgb;
    }

    static int blend(int under, int over, double opacity) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = under >> shift & 0xFF;
            int b = over >> shift & 0xFF;
            rgb |= (int) Math.round(a * (1 - opacity) + b * opacity) << shift;
        }
        return rgb;
    }

    /** Luma of each pixel as a grey in 30..190, so the overlay colours stand out on it. */
    private static int[] dimmedGrey(DecodedImage image) {
        int[][] c = image.colourPlanes();
        double max = image.isIndexed() ? 255 : image.maxSample();
        int[] out = new int[image.pixelCount()];
        for (int i = 0; i < out.length; i++) {
            double luma = c.length == 1 ? c[0][i] : 0.299 * c[0][i] + 0.587 * c[1][i] + 0.114 * c[2][i];
            int g = (int) Math.round(30 + 160 * Math.min(1, luma / max));
            out[i] = g << 16 | g << 8 | g;
        }
        return out;
    }

    /**
     * Each pixel a tile covers takes the colour of the highest stego probability among its tiles (tiles may overlap),
     * more opaque the higher it is, so the image stays readable where the model saw nothing.
     */
    private static void tint(int[] pixels, int w, int h, Saliency saliency) {
        double[] p = new double[pixels.length];
        java.util.Arrays.fill(p, -1);
        int t = saliency.tileSize();
        for (TileSaliency tile : saliency.tiles()) {
            double tileP = 1 / (1 + Math.exp(-tile.logit()));
            for (int y = tile.y(); y < Math.min(h, tile.y() + t); y++) {
                for (int x = tile.x(); x < Math.min(w, tile.x() + t); x++) {
                    p[y * w + x] = Math.max(p[y * w + x], tileP);
                }
            }
        }
        for (int i = 0; i < pixels.length; i++) {
            if (p[i] >= 0) {
                pixels[i] = blend(pixels[i], colour(p[i]), opacity(p[i]));
            }
        }
    }

    /** The overlay's opacity for a stego probability: faint for low, strong for high. */
    static double opacity(double p) {
        return MIN_TILE_OPACITY + (MAX_TILE_OPACITY - MIN_TILE_OPACITY) * p;
    }

    /** Pixels 0 .. n-1 (row-major) carry a message: n is the largest run of the pixel regions. */
    private static long payloadPixels(Saliency saliency, long total) {
        long n = 0;
        for (PayloadRegion region : saliency.regions()) {
            if (region.isPixels()) {
                n = Math.max(n, Math.min(total, region.pixels()));
            }
        }
        return n;
    }

    private static boolean inside(int x, int y, int w, long n) {
        return x >= 0 && x < w && y >= 0 && (long) y * w + x < n;
    }

    /**
     * Whether output pixel (x, y) lies within {@code t} pixels of the run's border. The run is an interval along
     * every row and every column, so looking {@code t} away in the four directions is enough.
     */
    private static boolean edge(int x, int y, int s, int w, int t, long n) {
        return !inside(Math.floorDiv(x - t, s), y / s, w, n) || !inside(Math.floorDiv(x + t, s), y / s, w, n)
                || !inside(x / s, Math.floorDiv(y - t, s), w, n) || !inside(x / s, Math.floorDiv(y + t, s), w, n);
    }

    private static void legend(BufferedImage picture, int top, Saliency saliency) {
        for (int x = 0; x < BAR_WIDTH; x++) {
            int rgb = colour(x / (double) (BAR_WIDTH - 1));
            for (int y = 0; y < BAR_HEIGHT; y++) {
                picture.setRGB(BAR_X + x, top + BAR_Y + y, rgb);
            }
        }
        int swatchX = BAR_X + BAR_WIDTH + 24;
        for (int y = 0; y < BAR_HEIGHT; y++) {
            for (int x = 0; x < BAR_HEIGHT; x++) {
                boolean border = x < 3 || y < 3 || x >= BAR_HEIGHT - 3 || y >= BAR_HEIGHT - 3;
                picture.setRGB(swatchX + x, top + BAR_Y + y, border ? PAYLOAD : blend(0x808080, PAYLOAD,
                        PAYLOAD_OPACITY));
            }
        }
        List<String> bytes = saliency.regions().stream().filter(r -> !r.isPixels())
                .map(r -> r.method() + " payload in bytes " + SummaryLine.grouped(r.offset()) + "–"
                        + SummaryLine.grouped(r.offset() + r.length() - 1) + " (not pixels)").toList();
        try {
            Graphics2D g = picture.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.WHITE);
            int text = top + BAR_Y + BAR_HEIGHT + 13;
            g.drawString("low", BAR_X, text);
            String high = "high";
            g.drawString(high, BAR_X + BAR_WIDTH - g.getFontMetrics().stringWidth(high), text);
            String title = saliency.tiles().isEmpty() ? "no model: no tile overlay" : "model stego probability";
            g.drawString(title, BAR_X + (BAR_WIDTH - g.getFontMetrics().stringWidth(title)) / 2, text);
            g.drawString("payload region", swatchX + BAR_HEIGHT + 6,
                    top + BAR_Y + BAR_HEIGHT - 3);
            if (!bytes.isEmpty()) {
                g.drawString(String.join("; ", bytes), swatchX, text);
            }
            g.dispose();
        } catch (InternalError | RuntimeException e) {
            // a headless JRE without fonts fails on the first string; the picture, scale and swatch stand without
        }
    }
}
