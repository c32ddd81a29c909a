package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;

/**
 * Writes BMP: 8-bit indexed, 24-bit RGB, and 32-bit BGRA with a V5 header and an alpha mask for RGBA.
 * {@link #replaceSamples} rewrites the pixel rows in place, keeping headers, palette and trailer.
 */
public final class BmpWriter implements ImageWriter {
    private static final int V5_HEADER = 124;

    @Override
    public ImageFormat format() {
        return ImageFormat.BMP;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        boolean indexed = image.isIndexed();
        boolean alpha = !indexed && image.colorType() == ColorType.RGBA;
        if (!indexed && image.colorType() != ColorType.RGB && !alpha || !indexed && image.bitDepth() != 8) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE,
                    "BMP: can write 8-bit RGB/RGBA or indexed images, not " + image.colorType() + "/" + image.bitDepth());
        }
        int bitCount = indexed ? 8 : alpha ? 32 : 24;
        int headerSize = alpha ? V5_HEADER : 40;
        int paletteBytes = indexed ? 4 * 256 : 0;
        int rowBytes = ((image.width() * bitCount + 31) / 32) * 4;
        int pixelOffset = 14 + headerSize + paletteBytes;
        int fileSize = pixelOffset + rowBytes * image.height();
        byte[] out = new byte[fileSize];
        out[0] = 'B';
        out[1] = 'M';
        le32(out, 2, fileSize);
        le32(out, 10, pixelOffset);
        le32(out, 14, headerSize);
        le32(out, 18, image.width());
        le32(out, 22, image.height());
        out[26] = 1;
        out[28] = (byte) bitCount;
        le32(out, 30, alpha ? 3 : 0);
        le32(out, 34, rowBytes * image.height());
        le32(out, 38, 2835);
        le32(out, 42, 2835);
        if (alpha) {
            le32(out, 54, 0x00FF0000);
            le32(out, 58, 0x0000FF00);
            le32(out, 62, 0x000000FF);
            le32(out, 66, 0xFF000000);
            out[70] = 's'; // LCS_sRGB, little-endian 'sRGB'
            out[71] = 'B';
            out[72] = 'G';
            out[73] = 'R';
        }
        if (indexed) {
            Palette p = image.palette();
            for (int i = 0; i < p.size(); i++) {
                int o = 14 + headerSize + 4 * i;
                out[o] = (byte) p.blue(i);
                out[o + 1] = (byte) p.green(i);
                out[o + 2] = (byte) p.red(i);
            }
        }
        writeRows(out, pixelOffset, rowBytes, image, bitCount);
        return out;
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        BmpHeader h = BmpHeader.read(original, ImageLimits.DEFAULT);
        boolean supported = h.bitCount() == 8 && modified.isIndexed() || h.bitCount() == 24
                || h.bitCount() == 32 && (h.masks() == null || standardMasks(h.masks()));
        if (!supported || h.width() != modified.width() || h.height() != modified.height()) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "BMP: cannot rewrite " + h.bitCount()
                    + "-bit samples of this layout");
        }
        byte[] out = original.clone();
        for (int y = 0; y < h.height(); y++) {
            writeRow(out, h.rowOffset(y), modified, y, h.bitCount());
        }
        return out;
    }

    /** BGRA byte order, the only masked layout the row writer produces. */
    private static boolean standardMasks(int[] m) {
        return m[0] == 0x00FF0000 && m[1] == 0x0000FF00 && m[2] == 0x000000FF && (m[3] == 0 || m[3] == 0xFF000000);
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "BMP has no EXIF block");
    }

    private static void writeRows(byte[] out, int pixelOffset, int rowBytes, DecodedImage image, int bitCount) {
        for (int y = 0; y < image.height(); y++) {
            writeRow(out, pixelOffset + (image.height() - 1 - y) * rowBytes, image, y, bitCount);
        }
    }

    private static void writeRow(byte[] out, int o, DecodedImage image, int y, int bitCount) {
        int w = image.width();
        int base = y * w;
        if (bitCount == 8) {
            for (int x = 0; x < w; x++) {
                out[o + x] = (byte) image.indices()[base + x];
            }
            return;
        }
        int[][] p = image.planes();
        int step = bitCount / 8;
        for (int x = 0; x < w; x++, o += step) {
            out[o] = (byte) p[2][base + x];
            out[o + 1] = (byte) p[1][base + x];
            out[o + 2] = (byte) p[0][base + x];
            if (step == 4 && p.length == 4) {
                out[o + 3] = (byte) p[3][base + x];
            }
        }
    }

    private static void le32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
