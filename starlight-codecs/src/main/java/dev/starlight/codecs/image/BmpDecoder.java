package dev.starlight.codecs.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BMP with our own reader: indexed 1/4/8-bit, 16-bit (masks, default 5-5-5), 24-bit, 32-bit (alpha only when a
 * V4/V5 or BI_BITFIELDS alpha mask says so). Samples of masked formats are the raw field values, so a 5-bit
 * channel has bit depth 5 (reported as the widest field); 24- and 32-bit images are 8 bits per sample.
 * RLE8 and RLE4 are expanded by {@link BmpRle}; a BI_JPEG or BI_PNG bitmap is its embedded stream, decoded by the
 * JPEG or PNG decoder under the same limits, with an {@code embedded-stream} warning.
 */
public final class BmpDecoder implements ImageDecoder {

    @Override
    public ImageFormat format() {
        return ImageFormat.BMP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        BmpHeader h = BmpHeader.read(data, limits);
        if (h.compression() == BmpHeader.BI_JPEG || h.compression() == BmpHeader.BI_PNG) {
            return embedded(data, h, limits);
        }
        boolean rle = h.compression() == BmpHeader.BI_RLE8 || h.compression() == BmpHeader.BI_RLE4;
        long needed = rle ? 0 : (long) h.pixelOffset() + (long) h.rowBytes() * h.height();
        if (needed > data.length) {
            throw ImageDecodeException.truncated("BMP pixel rows", h.pixelOffset(), needed - h.pixelOffset(), data.length);
        }
        if (rle) {
            long rleBytes = data.length - h.pixelOffset();
            limits.checkExpansion("BMP RLE", (long) h.width() * h.height(), 1, rleBytes);
        }
        limits.checkHeap("BMP", (long) h.width() * h.height());
        int w = h.width();
        int n = w * h.height();
        List<MetadataSegment> metadata = new ArrayList<>();
        if (h.iccSize() > 0 && h.iccSize() <= limits.maxMetadataBytes()) {
            metadata.add(new MetadataSegment(MetadataSegment.Kind.ICC, "BMP V5 profile", h.iccOffset(),
                    Arrays.copyOfRange(data, h.iccOffset(), h.iccOffset() + h.iccSize())));
        }
        List<FrameInfo> frames = List.of(new FrameInfo(0, 0, 0, w, h.height(), 0, false, false));
        if (rle) {
            Palette palette = readPalette(data, h);
            BmpRle.Result expanded = BmpRle.expand(data, h);
            int imageEnd = (int) Math.max(expanded.end(), Math.min(h.fileSize(), data.length));
            byte[] trailer = Arrays.copyOfRange(data, imageEnd, data.length);
            List<DecodeWarning> warnings = expanded.complete() ? List.of() : List.of(new DecodeWarning(
                    DecodeWarning.TRUNCATED, "BMP: the RLE data ends at offset " + data.length
                    + " without an end-of-bitmap code; pixels not coded are index 0"));
            return new DecodedImage(ImageFormat.BMP, w, h.height(), h.bitCount(), ColorType.INDEXED,
                    palette.expand(expanded.indices()), palette, expanded.indices(), false, metadata, frames,
                    imageEnd, trailer, warnings);
        }
        int imageEnd = (int) Math.max(needed, Math.min(h.fileSize(), data.length));
        byte[] trailer = Arrays.copyOfRange(data, imageEnd, data.length);
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

    /** BI_JPEG / BI_PNG: the pixels are those of the stream at the pixel offset (image size bytes, or to the end). */
    private static DecodedImage embedded(byte[] data, BmpHeader h, ImageLimits limits) {
        int start = h.pixelOffset();
        int end = h.imageSize() > 0 ? (int) Math.min((long) start + h.imageSize(), data.length) : data.length;
        byte[] stream = Arrays.copyOfRange(data, start, end);
        boolean jpeg = h.compression() == BmpHeader.BI_JPEG;
        ImageFormat expected = jpeg ? ImageFormat.JPEG : ImageFormat.PNG;
        if (ImageFormat.sniff(stream).orElse(null) != expected) {
            throw ImageDecodeException.malformed("BMP: compression BI_" + expected + " but the data at offset "
                    + start + " is not a " + expected + " stream");
        }
        DecodedImage inner = (jpeg ? new JpegDecoder() : new PngDecoder()).decode(stream, limits);
        if (inner.width() != h.width() || inner.height() != h.height()) {
            throw ImageDecodeException.malformed("BMP: header says " + h.width() + "x" + h.height()
                    + ", the embedded " + expected + " is " + inner.width() + "x" + inner.height());
        }
        List<MetadataSegment> metadata = new ArrayList<>();
        for (MetadataSegment m : inner.metadata()) {
            metadata.add(new MetadataSegment(m.kind(), m.key(), m.offset() + start, m.data()));
        }
        long imageEnd = start + inner.imageEnd();
        byte[] trailer = Arrays.copyOfRange(data, (int) imageEnd, data.length);
        List<DecodeWarning> warnings = new ArrayList<>(inner.warnings());
        warnings.add(new DecodeWarning(DecodeWarning.EMBEDDED_STREAM, "BMP: pixels from the embedded " + expected
                + " stream of " + stream.length + " bytes at offset " + start));
        return new DecodedImage(ImageFormat.BMP, inner.width(), inner.height(), inner.bitDepth(), inner.colorType(),
                inner.planes(), inner.palette(), inner.indices(), inner.lossy(), metadata, inner.frames(), imageEnd,
                trailer, warnings);
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
