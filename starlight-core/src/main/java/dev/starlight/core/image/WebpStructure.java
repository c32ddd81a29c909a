package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The RIFF layout of a WebP file: its chunks, the image's size and kind as the bitstream headers declare them,
 * and where the RIFF container ends (anything after is a trailer).
 */
record WebpStructure(List<Chunk> chunks, int width, int height, boolean lossless, boolean alpha, boolean animated,
                     int riffEnd) {
    static final int MAX_CHUNKS = 100_000;

    /** One chunk: its four-character type, where its header starts, where its data starts, its data length. */
    record Chunk(String type, int start, int dataOffset, int length) {
        int end() {
            return dataOffset + length + (length & 1);
        }
    }

    static WebpStructure walk(byte[] data, ImageLimits limits) {
        ByteReader r = new ByteReader(data);
        r.skip(4, "RIFF tag");
        long size = r.u32le("RIFF size");
        if (!r.fourCC("WEBP tag").equals("WEBP")) {
            throw ImageDecodeException.malformed("WebP: RIFF form is not WEBP");
        }
        if (size < 4 || size + 8 > data.length) {
            throw ImageDecodeException.truncated("WebP RIFF container", 8, size, data.length - 8);
        }
        int riffEnd = (int) (size + 8);
        ByteReader body = new ByteReader(data, 12, riffEnd);
        List<Chunk> chunks = new ArrayList<>();
        while (body.remaining() >= 8) {
            int start = body.position();
            String type = body.fourCC("WebP chunk type");
            long length = body.u32le("WebP chunk size");
            body.require(length, "WebP " + type + " chunk");
            chunks.add(new Chunk(type, start, body.position(), (int) length));
            body.skip(length, "WebP chunk");
            if ((length & 1) == 1 && body.hasRemaining()) {
                body.skip(1, "WebP chunk padding");
            }
            if (chunks.size() > MAX_CHUNKS) {
                throw ImageDecodeException.malformed("WebP: more than " + MAX_CHUNKS + " chunks");
            }
        }
        if (chunks.isEmpty()) {
            throw ImageDecodeException.malformed("WebP: no chunks");
        }
        int width = 0;
        int height = 0;
        boolean lossless = false;
        boolean alpha = false;
        boolean animated = false;
        boolean sized = false;
        for (Chunk c : chunks) {
            ByteReader h = new ByteReader(data, c.dataOffset(), c.dataOffset() + c.length());
            switch (c.type()) {
                case "VP8X" -> {
                    int flags = h.u8("VP8X flags");
                    h.skip(3, "VP8X reserved");
                    alpha |= (flags & 0x10) != 0;
                    animated = (flags & 0x02) != 0;
                    width = h.u24le("VP8X canvas width") + 1;
                    height = h.u24le("VP8X canvas height") + 1;
                    sized = true;
                }
                case "VP8L" -> {
                    if (h.u8("VP8L signature") != 0x2F) {
                        throw ImageDecodeException.malformed("WebP: bad VP8L signature at offset " + c.dataOffset());
                    }
                    long bits = h.u32le("VP8L header");
                    if (!sized) {
                        width = (int) (bits & 0x3FFF) + 1;
                        height = (int) ((bits >>> 14) & 0x3FFF) + 1;
                    }
                    alpha |= ((bits >>> 28) & 1) != 0;
                    lossless = true;
                    sized = true;
                }
                case "VP8 " -> {
                    h.skip(3, "VP8 frame tag");
                    if (h.u8("VP8 start code") != 0x9D || h.u8("VP8 start code") != 0x01 || h.u8("VP8 start code") != 0x2A) {
                        throw ImageDecodeException.malformed("WebP: bad VP8 start code at offset " + c.dataOffset());
                    }
                    if (!sized) {
                        width = h.u16le("VP8 width") & 0x3FFF;
                        height = h.u16le("VP8 height") & 0x3FFF;
                    }
                    sized = true;
                }
                case "ALPH" -> alpha = true;
                case "ANMF" -> animated = true;
                default -> {
                }
            }
        }
        if (!sized || width <= 0 || height <= 0) {
            throw ImageDecodeException.malformed("WebP: no image header found");
        }
        if ((long) width * height > limits.maxPixels() || width > limits.maxDimension() || height > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: " + width + "x" + height + " exceeds the limits");
        }
        return new WebpStructure(chunks, width, height, lossless, alpha, animated, riffEnd);
    }

    Chunk first(String type) {
        return chunks.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }
}
