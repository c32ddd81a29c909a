package dev.starlight.codecs.image;

/**
 * Expands BMP RLE8 and RLE4 pixel data into palette indices, top row first. The stream is pairs of bytes: a run
 * (count, value: for RLE4 the two nibbles alternate), or an escape (0, code): 0 ends a line, 1 ends the bitmap,
 * 2 moves right and up by the next two bytes (delta), 3..255 is that many literal pixels, padded to 16 bits.
 * Pixels the stream never sets (skipped by a delta or an early end of line) are index 0, as Windows, ImageIO and
 * Pillow leave them. Pixels past the end of a row or above the last row are dropped, so a hostile stream can write
 * nothing outside the image; every step consumes input, so the work is bounded by the data.
 */
final class BmpRle {

    /**
     * @param indices  width × height palette indices, row 0 at the top
     * @param end      file offset just past the last byte read
     * @param complete true when the stream ended with the end-of-bitmap code (or filled the last row)
     */
    record Result(int[] indices, int end, boolean complete) {
    }

    private BmpRle() {
    }

    static Result expand(byte[] data, BmpHeader h) {
        boolean four = h.compression() == BmpHeader.BI_RLE4;
        int w = h.width();
        int height = h.height();
        int[] out = new int[w * height];
        int p = h.pixelOffset();
        int x = 0;
        int y = 0; // stored row: 0 is the bottom row
        while (p + 1 < data.length) {
            int count = data[p] & 0xFF;
            int value = data[p + 1] & 0xFF;
            p += 2;
            if (count > 0) {
                for (int i = 0; i < count; i++, x++) {
                    int index = four ? ((i & 1) == 0 ? value >>> 4 : value & 15) : value;
                    put(out, w, height, x, y, index);
                }
                x = Math.min(x, w); // past the row: nothing more is drawn on it, and x cannot overflow
                continue;
            }
            switch (value) {
                case 0 -> {
                    x = 0;
                    y++;
                }
                case 1 -> {
                    return new Result(out, p, true);
                }
                case 2 -> {
                    if (p + 1 >= data.length) {
                        return new Result(out, data.length, false);
                    }
                    x = Math.min(x + (data[p] & 0xFF), w);
                    y += data[p + 1] & 0xFF;
                    p += 2;
                }
                default -> {
                    int bytes = four ? (value + 1) / 2 : value;
                    int padded = bytes + (bytes & 1);
                    int available = Math.min(bytes, data.length - p);
                    for (int i = 0; i < value && i / (four ? 2 : 1) < available; i++, x++) {
                        int b = data[p + (four ? i / 2 : i)] & 0xFF;
                        int index = four ? ((i & 1) == 0 ? b >>> 4 : b & 15) : b;
                        put(out, w, height, x, y, index);
                    }
                    x = Math.min(x, w);
                    if (p + padded > data.length) {
                        return new Result(out, data.length, false);
                    }
                    p += padded;
                }
            }
            if (y >= height) {
                return new Result(out, p, true);
            }
        }
        return new Result(out, Math.min(p, data.length), y >= height);
    }

    private static void put(int[] out, int w, int height, int x, int y, int index) {
        if (x < w && y < height) {
            out[(height - 1 - y) * w + x] = index;
        }
    }
}
