package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/** The IHDR fields, validated against the PNG spec and the limits. */
record PngHeader(int width, int height, int bitDepth, int colorType, boolean interlaced) {

    static PngHeader read(byte[] data, PngChunk ihdr, ImageLimits limits) {
        if (!ihdr.type().equals("IHDR") || ihdr.length() != 13) {
            throw ImageDecodeException.malformed("PNG: first chunk must be a 13-byte IHDR, found " + ihdr.type()
                    + " of " + ihdr.length() + " bytes");
        }
        if (!ihdr.crcMatches(data)) {
            throw ImageDecodeException.malformed("PNG: CRC mismatch in IHDR");
        }
        ByteReader r = new ByteReader(data, ihdr.dataOffset(), ihdr.dataOffset() + 13);
        long w = r.u32be("IHDR width");
        long h = r.u32be("IHDR height");
        int depth = r.u8("IHDR bit depth");
        int type = r.u8("IHDR colour type");
        int compression = r.u8("IHDR compression");
        int filter = r.u8("IHDR filter");
        int interlace = r.u8("IHDR interlace");
        if (w == 0 || h == 0) {
            throw ImageDecodeException.malformed("PNG: zero width or height");
        }
        if (w > limits.maxDimension() || h > limits.maxDimension() || w * h > limits.maxPixels()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "PNG: " + w + "x" + h + " exceeds the limits ("
                    + limits.maxDimension() + " per side, " + limits.maxPixels() + " pixels)");
        }
        boolean valid = switch (type) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid) {
            throw ImageDecodeException.malformed("PNG: colour type " + type + " with bit depth " + depth);
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw ImageDecodeException.malformed("PNG: compression " + compression + ", filter " + filter
                    + ", interlace " + interlace);
        }
        return new PngHeader((int) w, (int) h, depth, type, interlace == 1);
    }

    int channels() {
        return switch (colorType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }

    ColorType colorTypeModel() {
        return switch (colorType) {
            case 0 -> ColorType.GREY;
            case 2 -> ColorType.RGB;
            case 3 -> ColorType.INDEXED;
            case 4 -> ColorType.GREY_ALPHA;
            default -> ColorType.RGBA;
        };
    }

    int rowBytes(int w) {
        return (int) (((long) w * channels() * bitDepth + 7) / 8);
    }

    /** Bytes of filtered scanlines the zlib stream must hold (filter byte per row included). */
    long filteredSize() {
        if (!interlaced) {
            return (long) height * (1 + rowBytes(width));
        }
        long total = 0;
        for (int[] p : PngDecoder.ADAM7) {
            long pw = (width - p[0] + p[2] - 1) / p[2];
            long ph = (height - p[1] + p[3] - 1) / p[3];
            if (pw > 0 && ph > 0) {
                total += ph * (1 + rowBytes((int) pw));
            }
        }
        return total;
    }
}
