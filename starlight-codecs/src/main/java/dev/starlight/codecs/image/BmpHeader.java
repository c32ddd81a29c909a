package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/**
 * The BMP file and info headers (Windows core/OS/2 1.x of 12 bytes, OS/2 2.x of 16 or 64 bytes, INFO, V4, V5),
 * validated. Channel masks come from BI_BITFIELDS or the V4/V5 header; without them 16-bit is 5-5-5 and 32-bit is
 * BGR with an unused fourth byte. Compression: none, BI_BITFIELDS/BI_ALPHABITFIELDS, RLE8 and RLE4 (bottom-up
 * only, as the format requires), BI_JPEG and BI_PNG (a whole JPEG or PNG stream as the pixel data).
 */
record BmpHeader(int fileSize, int pixelOffset, int headerSize, int width, int height, boolean topDown,
                 int bitCount, int compression, int paletteEntries, int paletteOffset, int paletteEntrySize,
                 int[] masks, int iccOffset, int iccSize, int imageSize) {
    static final int BI_RLE8 = 1;
    static final int BI_RLE4 = 2;
    static final int BI_JPEG = 4;
    static final int BI_PNG = 5;

    static BmpHeader read(byte[] data, ImageLimits limits) {
        ByteReader r = new ByteReader(data);
        r.skip(2, "BMP signature");
        long fileSize = r.u32le("BMP file size");
        r.skip(4, "BMP reserved");
        long pixelOffset = r.u32le("BMP pixel offset");
        long headerSize = r.u32le("BMP info header size");
        int width;
        int height;
        int planes;
        int bitCount;
        long compression = 0;
        long colorsUsed = 0;
        long imageSize = 0;
        int[] masks = null;
        int iccOffset = 0;
        int iccSize = 0;
        if (headerSize == 12) {
            width = r.u16le("BMP width");
            height = (short) r.u16le("BMP height");
            planes = r.u16le("BMP planes");
            bitCount = r.u16le("BMP bit count");
        } else if (headerSize == 16 || headerSize == 64) {
            // OS/2 2.x: the INFO fields (the 16-byte form stops after the bit count), then OS/2-only fields
            width = r.s32le("BMP width");
            height = r.s32le("BMP height");
            planes = r.u16le("BMP planes");
            bitCount = r.u16le("BMP bit count");
            if (headerSize == 64) {
                compression = r.u32le("BMP compression");
                imageSize = r.u32le("BMP image size");
                r.skip(8, "BMP resolution");
                colorsUsed = r.u32le("BMP colours used");
                r.skip(4 + 24, "BMP important colours and OS/2 fields");
            }
            if (compression == 3 || compression == 4) {
                throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "BMP: OS/2 "
                        + (compression == 3 ? "Huffman 1D" : "RLE24") + " compression");
            }
        } else if (headerSize == 40 || headerSize == 52 || headerSize == 56 || headerSize == 108 || headerSize == 124) {
            width = r.s32le("BMP width");
            height = r.s32le("BMP height");
            planes = r.u16le("BMP planes");
            bitCount = r.u16le("BMP bit count");
            compression = r.u32le("BMP compression");
            imageSize = r.u32le("BMP image size");
            r.skip(8, "BMP resolution");
            colorsUsed = r.u32le("BMP colours used");
            r.skip(4, "BMP important colours");
            // masks count only with BI_BITFIELDS / BI_ALPHABITFIELDS; a V4/V5 header carries them either way
            if (compression == 3 || compression == 6) {
                int n = headerSize >= 56 || compression == 6 ? 4 : 3;
                masks = new int[4];
                for (int i = 0; i < n; i++) {
                    masks[i] = (int) r.u32le("BMP channel mask");
                }
            }
            if (headerSize == 124) {
                // V5: the ICC profile offset is counted from the start of the info header
                r.seek(14 + 112);
                long profileData = r.u32le("BMP V5 profile offset");
                long profileSize = r.u32le("BMP V5 profile size");
                if (profileSize > 0 && profileData + 14 + profileSize <= data.length) {
                    iccOffset = (int) (profileData + 14);
                    iccSize = (int) profileSize;
                }
            }
        } else {
            throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "BMP: info header of " + headerSize + " bytes");
        }
        if (planes != 1) {
            throw ImageDecodeException.malformed("BMP: " + planes + " colour planes");
        }
        if (width <= 0 || height == 0 || height == Integer.MIN_VALUE) {
            throw ImageDecodeException.malformed("BMP: size " + width + "x" + height);
        }
        long h = Math.abs((long) height);
        if (width > limits.maxDimension() || h > limits.maxDimension() || width * h > limits.maxPixels()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "BMP: " + width + "x" + h + " exceeds the limits");
        }
        if (compression != 0 && compression != 3 && compression != 6 && compression != BI_RLE8
                && compression != BI_RLE4 && compression != BI_JPEG && compression != BI_PNG) {
            throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "BMP: compression " + compression);
        }
        if (compression == BI_RLE8 && bitCount != 8 || compression == BI_RLE4 && bitCount != 4) {
            throw ImageDecodeException.malformed("BMP: " + (compression == BI_RLE8 ? "RLE8" : "RLE4")
                    + " with " + bitCount + " bits per pixel");
        }
        if ((compression == BI_RLE8 || compression == BI_RLE4) && height < 0) {
            throw ImageDecodeException.malformed("BMP: a top-down (negative height) bitmap cannot be RLE-compressed");
        }
        boolean embedded = compression == BI_JPEG || compression == BI_PNG;
        boolean validDepth = bitCount == 1 || bitCount == 4 || bitCount == 8 || bitCount == 16 || bitCount == 24
                || bitCount == 32 || embedded && bitCount == 0;
        if (!validDepth) {
            throw ImageDecodeException.malformed("BMP: bit count " + bitCount);
        }
        int entries = 0;
        if (bitCount <= 8 && !embedded) {
            entries = colorsUsed == 0 ? 1 << bitCount : (int) Math.min(colorsUsed, 1 << bitCount);
        }
        int entrySize = headerSize == 12 ? 3 : 4;
        int paletteOffset = (int) (14 + headerSize + (compression == 3 && headerSize == 40 ? 12 : 0)
                + (compression == 6 && headerSize == 40 ? 16 : 0));
        if (pixelOffset > data.length) {
            throw ImageDecodeException.truncated("BMP pixel data", pixelOffset, 0, data.length);
        }
        return new BmpHeader((int) Math.min(fileSize, Integer.MAX_VALUE), (int) pixelOffset, (int) headerSize, width,
                (int) h, height < 0, bitCount, (int) compression, entries, paletteOffset, entrySize, masks, iccOffset,
                iccSize, (int) Math.min(imageSize, Integer.MAX_VALUE));
    }

    int rowBytes() {
        return (int) ((((long) width * bitCount + 31) / 32) * 4);
    }

    /** Row {@code y} of the image (0 = top) starts here. */
    int rowOffset(int y) {
        int stored = topDown ? y : height - 1 - y;
        return pixelOffset + stored * rowBytes();
    }

}
