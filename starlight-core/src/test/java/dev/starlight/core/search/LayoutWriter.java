package dev.starlight.core.search;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;

/**
 * Writes bytes into an image's samples in one {@link LsbLayout}, the way a tool of that layout would; the mirror of
 * {@link LayoutBits}, written from the layout's definition, for tests.
 */
final class LayoutWriter {
    private LayoutWriter() {
    }

    /** Writes {@code data} from the first stream bit; the image's sample arrays are changed in place. */
    static void write(DecodedImage image, LsbLayout layout, byte[] data) {
        int[][] planes = planes(image, layout.channels());
        int width = image.width();
        int height = image.height();
        int n = planes.length;
        long k = 0;
        for (byte d : data) {
            for (int b = 0; b < 8; b++, k++) {
                int bit = layout.msbFirst() ? (d >> (7 - b)) & 1 : (d >> b) & 1;
                long sample = k / layout.bits();
                int j = (int) (k % layout.bits());
                long pixel = sample / n;
                int[] plane = planes[(int) (sample % n)];
                int index = layout.columnMajor() ? (int) (pixel % height) * width + (int) (pixel / height) : (int) pixel;
                int shift = layout.msbFirst() ? layout.bits() - 1 - j : j;
                plane[index] = plane[index] & ~(1 << shift) | bit << shift;
            }
        }
    }

    private static int[][] planes(DecodedImage image, String channels) {
        if (channels.equals("index")) {
            return new int[][] {image.indices()};
        }
        boolean grey = image.colorType() == ColorType.GREY || image.colorType() == ColorType.GREY_ALPHA;
        int[][] out = new int[channels.length()][];
        for (int i = 0; i < out.length; i++) {
            char c = channels.charAt(i);
            out[i] = image.planes()["rgb".indexOf(c) >= 0 ? "rgb".indexOf(c) : c == 'y' ? 0 : grey ? 1 : 3];
        }
        return out;
    }
}
