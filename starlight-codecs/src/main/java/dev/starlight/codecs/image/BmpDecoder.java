package dev.starlight.codecs.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BMP with our own reader: indexed 1/4/8-bit, 16-bit (masks, default 5-5-5), 24-bit, 32-bit (alpha only when a
 * V4/V5 or BI_BITFIELDS alpha mask says so). Samples of masked formats are the raw field values, so a 5-bit
 * channel has bit depth 5 (reported as the widest field); 24- and 32-bit images are 8 bits per sample.
 * RLE compression is refused as UNSUPPORTED_FEATURE.
 */
public final class BmpDecoder implements ImageDecoder {

    @Override
    public ImageFormat format() {
        return ImageFormat.BMP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        BmpHeader h = BmpHeader.read(data, limits);
        long needed = (long) h.pixelOffset() + (long) h.rowBytes() * h.height();
        if (needed > data.length) {
            throw ImageDecodeException.truncated("BMP pixel rows", h.pixelOffset(), needed - h.pixelOffset(), data.length);
        }
        limits.checkHeap("BMP", (long) h.width() * h.height());
        int w = h.width();
        int n = w * h.height();
        List<MetadataSegment> metadata = new ArrayList<>();
        if (h.iccSize() > 0 && h.iccSize() <= limits.maxMetadataBytes()) {
            metadata.add(new MetadataSegment(MetadataSegment.Kind.ICC, "BMP V5 profile", h.iccOffset(),
                    Arrays.copyOfRange(data, h.iccOffset(), h.iccOffset() + h.iccSize())));
        }
        int imageEnd = (int) Math.max(needed, Math.min(h.fileSize(), data.length));
        byte[] trailer = Arrays.copyOfRange(data, imageEnd, data.length);
        List<FrameInfo> frames = List.of(new FrameInfo(0, 0, 0, w, h.height(), 0, false, false));
        if (h.bitCount() <= 8) {
            Palette palette = readPalette(data, h);
            int[] indices = new int[n];
            int perByte = 8 / h.bitCount();
            int mask = (1 << h.bitCount()) - 1;
            for (int y = 0; y < h.height(); y++) {
                int row = h.rowOffset(y);
                for (int x = 0; x < w; x++) {
                    int b = data[row + x / perByte] & 0xFF;
                    int shift = 8 - h.bitCount() * (x % perByte + 1);
                    indices[y * w + x] = (b >>> shift) & mask;
                }
            }
            return new DecodedImage(ImageFormat.BMP, w, h.height(), h.bitCount(), ColorType.INDEXED,
                    palette.expand(indices), palette, indices, false, metadata, frames, imageEnd, trailer);
        }
        if (h.bitCount() == 24 || h.bitCount() == 32 && h.masks() == null) {
            int[][] p = new int[3][n];
            int step = h.bitCount() / 8;
            for (int y = 0; y < h.height(); y++) {
                int o = h.rowOffset(y);
                for (int x = 0; x < w; x++, o += step) {
                    int i = y * w + x;
                    p[2][i] = data[o] & 0xFF;
                    p[1][i] = data[o + 1] & 0xFF;
                    p[0][i] = data[o + 2] & 0xFF;
                }
            }
            return new DecodedImage(ImageFormat.BMP, w, h.height(), 8, ColorType.RGB, p, null, null, false, metadata,
                    frames, imageEnd, trailer);
        }
        // 16 or 32 bits with channel masks
        int[] masks = h.masks() != null ? h.masks() : new int[] {0x7C00, 0x03E0, 0x001F, 0};
        boolean alpha = masks[3] != 0;
        int[][] p = new int[alpha ? 4 : 3][n];
        int[] shifts = new int[4];
        int depth = 1;
        for (int c = 0; c < 4; c++) {
            if (masks[c] != 0) {
                shifts[c] = Integer.numberOfTrailingZeros(masks[c]);
                depth = Math.max(depth, Integer.bitCount(masks[c]));
            }
        }
        int step = h.bitCount() / 8;
        for (int y = 0; y < h.height(); y++) {
            int o = h.rowOffset(y);
            for (int x = 0; x < w; x++, o += step) {
                int v = step == 2 ? (data[o] & 0xFF) | ((data[o + 1] & 0xFF) << 8)
                        : (data[o] & 0xFF) | ((data[o + 1] & 0xFF) << 8) | ((data[o + 2] & 0xFF) << 16) | ((data[o + 3] & 0xFF) << 24);
                for (int c = 0; c < p.length; c++) {
                    p[c][y * w + x] = (v & masks[c]) >>> shifts[c];
                }
            }
        }
        return new DecodedImage(ImageFormat.BMP, w, h.height(), Math.min(depth, 16), alpha ? ColorType.RGBA : ColorType.RGB,
                p, null, null, false, metadata, frames, imageEnd, trailer);
    }

    private static Palette readPalette(byte[] data, BmpHeader h) {
        int entries = h.paletteEntries();
        long end = (long) h.paletteOffset() + (long) entries * h.paletteEntrySize();
        if (end > data.length) {
            throw ImageDecodeException.truncated("BMP palette", h.paletteOffset(), end - h.paletteOffset(), data.length);
        }
        int[] rgb = new int[entries];
        for (int i = 0; i < entries; i++) {
            int o = h.paletteOffset() + i * h.paletteEntrySize();
            rgb[i] = ((data[o + 2] & 0xFF) << 16) | ((data[o + 1] & 0xFF) << 8) | (data[o] & 0xFF);
        }
        return new Palette(rgb, null);
    }
}
