package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The RIFF structure of a WebP file, walked with bounds checks, plus the image headers (VP8X canvas, VP8 frame
 * header, VP8L header) read without decoding anything. The image ends at {@code 8 + RIFF size}; chunk sizes are
 * padded to even lengths (a missing padding byte on the last chunk is tolerated).
 */
final class WebpStructure {
    static final int FLAG_ANIMATION = 0x02;
    static final int FLAG_XMP = 0x04;
    static final int FLAG_EXIF = 0x08;
    static final int FLAG_ALPHA = 0x10;
    static final int FLAG_ICC = 0x20;

    final List<WebpChunk> chunks;
    final int riffEnd;
    /** The VP8X chunk, or null for the simple format. */
    final WebpChunk vp8x;
    final int vp8xFlags;
    /** The VP8 or VP8L chunk of a still image (null when animated). */
    final WebpChunk image;
    /** The ALPH chunk before a VP8 chunk, or null. */
    final WebpChunk alph;
    final boolean lossless;
    /** Dimensions of the image (canvas for animations). */
    final int width;
    final int height;
    /** VP8L alpha_is_used bit, VP8X alpha flag or an ALPH chunk. */
    final boolean alphaDeclared;
    final List<WebpChunk> frames;

    private WebpStructure(List<WebpChunk> chunks, int riffEnd, WebpChunk vp8x, int vp8xFlags, WebpChunk image,
                          WebpChunk alph, boolean lossless, int width, int height, boolean alphaDeclared,
                          List<WebpChunk> frames) {
        this.chunks = chunks;
        this.riffEnd = riffEnd;
        this.vp8x = vp8x;
        this.vp8xFlags = vp8xFlags;
        this.image = image;
        this.alph = alph;
        this.lossless = lossless;
        this.width = width;
        this.height = height;
        this.alphaDeclared = alphaDeclared;
        this.frames = frames;
    }

    boolean animated() {
        return !frames.isEmpty();
    }

    static WebpStructure parse(byte[] data, ImageLimits limits) {
        ByteReader r = new ByteReader(data);
        if (!r.fourCC("RIFF header").equals("RIFF")) {
            throw ImageDecodeException.malformed("WebP: no RIFF header at offset 0");
        }
        long riffSize = r.u32le("RIFF size");
        if (!r.fourCC("RIFF form type").equals("WEBP")) {
            throw ImageDecodeException.malformed("WebP: RIFF form type at offset 8 is not WEBP");
        }
        if (riffSize < 4 + 8) {
            throw ImageDecodeException.malformed("WebP: RIFF size " + riffSize + " leaves no room for a chunk");
        }
        if (8 + riffSize > data.length) {
            throw ImageDecodeException.truncated("WebP: RIFF size " + riffSize + " at offset 4 declares the data",
                    8, riffSize, data.length);
        }
        int riffEnd = (int) (8 + riffSize);
        List<WebpChunk> chunks = readChunks(data, 12, riffEnd, "RIFF");
        WebpChunk first = chunks.get(0);
        switch (first.fourCC()) {
            case "VP8L", "VP8 " -> {
                boolean lossless = first.fourCC().equals("VP8L");
                int[] dims = lossless ? vp8lHeader(data, first) : vp8Header(data, first);
                checkLimits(dims[0], dims[1], limits);
                return new WebpStructure(chunks, riffEnd, null, 0, first, null, lossless, dims[0], dims[1],
                        lossless && dims[2] != 0, List.of());
            }
            case "VP8X" -> {
                return extended(data, chunks, riffEnd, limits);
            }
            default -> throw ImageDecodeException.malformed("WebP: first chunk at offset 12 is '"
                    + printable(first.fourCC()) + "', expected VP8, VP8L or VP8X");
        }
    }

    private static WebpStructure extended(byte[] data, List<WebpChunk> chunks, int riffEnd, ImageLimits limits) {
        WebpChunk vp8x = chunks.get(0);
        if (vp8x.size() < 10) {
            throw ImageDecodeException.malformed("WebP: VP8X chunk has " + vp8x.size() + " bytes, needs 10");
        }
        ByteReader r = new ByteReader(data, vp8x.dataOffset(), vp8x.dataOffset() + vp8x.size());
        int flags = r.u8("VP8X flags");
        r.skip(3, "VP8X reserved");
        int canvasW = r.u24le("VP8X canvas width") + 1;
        int canvasH = r.u24le("VP8X canvas height") + 1;
        checkLimits(canvasW, canvasH, limits);
        boolean animated = (flags & FLAG_ANIMATION) != 0;
        WebpChunk image = null;
        WebpChunk alph = null;
        List<WebpChunk> frames = new ArrayList<>();
        for (WebpChunk c : chunks.subList(1, chunks.size())) {
            switch (c.fourCC()) {
                case "ANMF" -> {
                    if (frames.size() >= limits.maxFrames()) {
                        throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: more than " + limits.maxFrames()
                                + " animation frames (frame at offset " + c.offset() + ")");
                    }
                    if (c.size() < 16) {
                        throw ImageDecodeException.malformed("WebP: ANMF chunk at offset " + c.offset() + " has "
                                + c.size() + " bytes, needs at least 16");
                    }
                    frames.add(c);
                }
                case "ALPH" -> {
                    if (image == null && alph == null) {
                        alph = c;
                    }
                }
                case "VP8 ", "VP8L" -> {
                    if (image != null) {
                        throw ImageDecodeException.malformed("WebP: second image chunk at offset " + c.offset());
                    }
                    image = c;
                }
                default -> {
                }
            }
        }
        if (animated || !frames.isEmpty()) {
            if (frames.isEmpty()) {
                throw ImageDecodeException.malformed("WebP: VP8X declares an animation but there is no ANMF chunk");
            }
            return new WebpStructure(chunks, riffEnd, vp8x, flags, null, null, false, canvasW, canvasH,
                    (flags & FLAG_ALPHA) != 0, frames);
        }
        if (image == null) {
            throw ImageDecodeException.malformed("WebP: extended file without a VP8 or VP8L chunk");
        }
        boolean lossless = image.fourCC().equals("VP8L");
        int[] dims = lossless ? vp8lHeader(data, image) : vp8Header(data, image);
        if (dims[0] != canvasW || dims[1] != canvasH) {
            throw ImageDecodeException.malformed("WebP: image is " + dims[0] + "x" + dims[1] + " but the VP8X canvas is "
                    + canvasW + "x" + canvasH);
        }
        if (lossless) {
            alph = null; // ALPH only applies to VP8
        }
        boolean alpha = (flags & FLAG_ALPHA) != 0 || alph != null || (lossless && dims[2] != 0);
        return new WebpStructure(chunks, riffEnd, vp8x, flags, image, alph, lossless, dims[0], dims[1], alpha,
                List.of());
    }

    static List<WebpChunk> readChunks(byte[] data, int from, int end, String where) {
        List<WebpChunk> chunks = new ArrayList<>();
        ByteReader r = new ByteReader(data, from, end);
        while (r.hasRemaining()) {
            int offset = r.position();
            if (r.remaining() < 8) {
                throw ImageDecodeException.truncated("WebP chunk header in " + where, offset, 8, end);
            }
            String fourCC = r.fourCC("chunk type");
            long size = r.u32le("chunk size");
            if (size > r.remaining()) {
                throw ImageDecodeException.truncated("WebP chunk '" + printable(fourCC) + "' at offset " + offset
                        + " (declared size " + size + ") inside " + where, r.position(), size, end);
            }
            r.skip(size, "chunk data");
            if ((size & 1) != 0 && r.hasRemaining()) {
                r.skip(1, "chunk padding");
            }
            chunks.add(new WebpChunk(fourCC, offset, offset + 8, (int) size, r.position()));
        }
        if (chunks.isEmpty()) {
            throw ImageDecodeException.malformed("WebP: no chunk in " + where + " at offset " + from);
        }
        return chunks;
    }

    /** Width, height and alpha_is_used of a VP8L bitstream. */
    static int[] vp8lHeader(byte[] data, WebpChunk c) {
        ByteReader r = new ByteReader(data, c.dataOffset(), c.dataOffset() + c.size());
        if (r.u8("VP8L signature") != 0x2F) {
            throw ImageDecodeException.malformed("WebP: VP8L chunk at offset " + c.offset() + " lacks signature 0x2f");
        }
        long bits = r.u32le("VP8L header");
        int w = (int) (bits & 0x3FFF) + 1;
        int h = (int) ((bits >>> 14) & 0x3FFF) + 1;
        int alpha = (int) ((bits >>> 28) & 1);
        int version = (int) (bits >>> 29);
        if (version != 0) {
            throw ImageDecodeException.malformed("WebP: VP8L version " + version + " at offset " + c.offset());
        }
        return new int[] {w, h, alpha};
    }

    /** Width and height of a VP8 key frame. */
    static int[] vp8Header(byte[] data, WebpChunk c) {
        ByteReader r = new ByteReader(data, c.dataOffset(), c.dataOffset() + c.size());
        int tag = r.u24le("VP8 frame tag");
        if ((tag & 1) != 0) {
            throw ImageDecodeException.malformed("WebP: VP8 chunk at offset " + c.offset() + " is not a key frame");
        }
        if (r.u8("VP8 start code") != 0x9D || r.u8("VP8 start code") != 0x01 || r.u8("VP8 start code") != 0x2A) {
            throw ImageDecodeException.malformed("WebP: VP8 chunk at offset " + c.offset() + " lacks start code 9d012a");
        }
        int w = r.u16le("VP8 width") & 0x3FFF;
        int h = r.u16le("VP8 height") & 0x3FFF;
        if (w == 0 || h == 0) {
            throw ImageDecodeException.malformed("WebP: VP8 frame at offset " + c.offset() + " is " + w + "x" + h);
        }
        return new int[] {w, h, 0};
    }

    static void checkLimits(long w, long h, ImageLimits limits) {
        if (w > limits.maxDimension() || h > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: " + w + "x" + h
                    + " exceeds the dimension limit " + limits.maxDimension());
        }
        if (w * h > limits.maxPixels()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: " + w + "x" + h + " = " + (w * h)
                    + " pixels exceeds the limit " + limits.maxPixels());
        }
    }

    static String printable(String fourCC) {
        StringBuilder sb = new StringBuilder();
        for (char ch : fourCC.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7F ? String.valueOf(ch) : String.format("\\x%02x", (int) ch));
        }
        return sb.toString();
    }
}
