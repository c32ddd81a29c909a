package dev.starlight.lab.zoo;

import java.util.SplittableRandom;

/**
 * Flat pictures drawn in code: screenshots of a user interface (a desktop colour, windows with title bars, rows of
 * glyph-like marks, buttons, icons, sometimes a photo in a window) and flat graphics (banners and bar charts on a
 * plain background). Few colours, hard edges, large uniform areas: what screen captures and graphics look like.
 */
final class FlatDrawing {
    private FlatDrawing() {
    }

    static Rgb screenshot(Rgb photo, SplittableRandom r) {
        int[][] sizes = {{800, 600}, {640, 480}, {512, 512}, {720, 450}};
        int[] size = sizes[r.nextInt(sizes.length)];
        Canvas c = new Canvas(size[0], size[1], colour(r, 40, 120));
        c.fill(0, 0, size[0], 24, 0x202020);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            int w = size[0] / 2 + r.nextInt(size[0] / 2);
            int h = size[1] / 2 + r.nextInt(size[1] / 2 - 24);
            int x = r.nextInt(size[0] - w + 1);
            int y = 24 + r.nextInt(size[1] - 24 - h + 1);
            int background = r.nextBoolean() ? 0xFFFFFF : 0xF0F0F0 - r.nextInt(3) * 0x101010;
            c.fill(x, y, w, h, 0xB0B0B0);
            c.fill(x + 1, y + 1, w - 2, h - 2, background);
            c.fill(x + 1, y + 1, w - 2, 28, r.nextBoolean() ? 0xE8E8E8 : colour(r, 60, 200));
            for (int b = 0; b < 3; b++) {
                c.fill(x + w - 24 - b * 22, y + 8, 12, 12, new int[] {0xFF5F57, 0xFEBC2E, 0x28C840}[b]);
            }
            int textColour = r.nextBoolean() ? 0x202124 : 0x3C4043;
            int top = y + 40;
            if (r.nextInt(3) == 0 && h > 200) { // a photo in the window, as in a browser or viewer
                int pw = Math.min(w - 20, photo.width());
                int ph = Math.min(h / 2, photo.height());
                c.blit(photo.scaleDown(Math.max(1, pw), Math.max(1, ph)), x + 10, top);
                top += ph + 10;
            }
            glyphRows(c, r, x + 12, top, w - 24, y + h - 40 - top, textColour);
            c.fill(x + w - 100, y + h - 34, 84, 24, colour(r, 40, 220));
        }
        return c.toRgb();
    }

    static Rgb graphic(Rgb photo, SplittableRandom r) {
        int[][] sizes = {{512, 512}, {600, 400}, {256, 256}, {728, 90}};
        int[] size = sizes[r.nextInt(sizes.length)];
        Canvas c = new Canvas(size[0], size[1], r.nextBoolean() ? 0xFFFFFF : colour(r, 180, 250));
        int bars = 3 + r.nextInt(8);
        int barWidth = size[0] / (bars * 2 + 1);
        for (int i = 0; i < bars; i++) {
            int h = 10 + r.nextInt(Math.max(1, size[1] - 40));
            c.fill(barWidth * (2 * i + 1), size[1] - 10 - h, barWidth, h, colour(r, 30, 220));
        }
        c.fill(0, size[1] - 10, size[0], 2, 0x333333);
        for (int i = 0; i < 2 + r.nextInt(4); i++) { // discs: a logo's shapes
            int radius = 8 + r.nextInt(Math.max(1, Math.min(size[0], size[1]) / 6));
            c.disc(r.nextInt(size[0]), r.nextInt(size[1]), radius, colour(r, 20, 240));
        }
        glyphRows(c, r, 10, 10, size[0] / 2, Math.min(60, size[1] / 3), 0x111111);
        return c.toRgb();
    }

    private static void glyphRows(Canvas c, SplittableRandom r, int x, int y, int w, int h, int colour) {
        int lineHeight = 14 + r.nextInt(6);
        for (int ly = y; ly + lineHeight <= y + h; ly += lineHeight + 6) {
            int lx = x;
            int end = x + (int) (w * (0.4 + 0.6 * r.nextDouble()));
            while (lx < end) {
                int word = 3 + r.nextInt(9);
                for (int g = 0; g < word && lx + 6 < end; g++) {
                    int gh = lineHeight / 2 + r.nextInt(lineHeight / 2);
                    c.fill(lx, ly + lineHeight - gh, 2 + r.nextInt(4), gh, colour);
                    lx += 7;
                }
                lx += 6;
            }
        }
    }

    private static int colour(SplittableRandom r, int low, int high) {
        return (low + r.nextInt(high - low)) << 16 | (low + r.nextInt(high - low)) << 8 | (low + r.nextInt(high - low));
    }

    /** A picture being drawn: packed 0xRRGGBB per pixel. */
    private static final class Canvas {
        final int width;
        final int height;
        final int[] pixels;

        Canvas(int width, int height, int background) {
            this.width = width;
            this.height = height;
            this.pixels = new int[width * height];
            java.util.Arrays.fill(pixels, background);
        }

        void fill(int x, int y, int w, int h, int colour) {
            for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
                for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
                    pixels[yy * width + xx] = colour;
                }
            }
        }

        void disc(int cx, int cy, int radius, int colour) {
            for (int y = cy - radius; y <= cy + radius; y++) {
                for (int x = cx - radius; x <= cx + radius; x++) {
                    if (x >= 0 && y >= 0 && x < width && y < height
                            && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                        pixels[y * width + x] = colour;
                    }
                }
            }
        }

        void blit(Rgb picture, int x, int y) {
            for (int yy = 0; yy < picture.height() && y + yy < height; yy++) {
                for (int xx = 0; xx < picture.width() && x + xx < width; xx++) {
                    pixels[(y + yy) * width + x + xx] = picture.get(xx, yy, 0) << 16 | picture.get(xx, yy, 1) << 8
                            | picture.get(xx, yy, 2);
                }
            }
        }

        Rgb toRgb() {
            byte[] out = new byte[pixels.length * 3];
            for (int i = 0; i < pixels.length; i++) {
                out[3 * i] = (byte) (pixels[i] >>> 16);
                out[3 * i + 1] = (byte) (pixels[i] >>> 8);
                out[3 * i + 2] = (byte) pixels[i];
            }
            return new Rgb(width, height, out);
        }
    }
}
