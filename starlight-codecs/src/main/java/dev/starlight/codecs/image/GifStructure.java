package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The block layout of a GIF file, walked once: screen, global table, extensions, frames (with where frame 0's
 * LZW data sits, so the writer can replace just that), and where the file's trailer byte is.
 */
record GifStructure(int screenWidth, int screenHeight, Palette globalPalette, List<Frame> frames,
                    List<MetadataSegment> metadata, int imageEnd) {

    /** One image descriptor and what belongs to it. */
    record Frame(FrameInfo info, Palette localPalette, int transparentIndex, int minCodeSize,
                 int dataStart, int dataEnd, byte[] lzw) {
    }

    static GifStructure walk(byte[] data, ImageLimits limits) {
        ByteReader r = new ByteReader(data);
        r.skip(6, "GIF header");
        int screenW = r.u16le("GIF screen width");
        int screenH = r.u16le("GIF screen height");
        int packed = r.u8("GIF screen flags");
        r.skip(2, "GIF background and aspect");
        if ((long) screenW * screenH > limits.maxPixels() || screenW > limits.maxDimension()
                || screenH > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "GIF: screen " + screenW + "x" + screenH
                    + " exceeds the limits");
        }
        Palette global = (packed & 0x80) != 0 ? readTable(r, 2 << (packed & 7), "global") : null;
        List<Frame> frames = new ArrayList<>();
        List<MetadataSegment> metadata = new ArrayList<>();
        long metadataBytes = 0;
        int transparent = -1;
        int delay = 0;
        while (true) {
            if (!r.hasRemaining()) {
                if (frames.isEmpty()) {
                    throw new ImageDecodeException(ErrorCode.TRUNCATED, "GIF: data ends at " + data.length
                            + " before any image");
                }
                // many real GIFs lack the 0x3B trailer byte: the image ends with the data
                return new GifStructure(screenW, screenH, global, frames, metadata, data.length);
            }
            int blockStart = r.position();
            int type = r.u8("GIF block type");
            if (type == 0x3B) {
                if (frames.isEmpty()) {
                    throw ImageDecodeException.malformed("GIF: trailer at offset " + blockStart + " before any image");
                }
                return new GifStructure(screenW, screenH, global, frames, metadata, r.position());
            }
            if (type == 0x21) {
                int label = r.u8("GIF extension label");
                byte[] body = subBlocks(r, limits.maxMetadataBytes());
                switch (label) {
                    case 0xF9 -> {
                        if (body.length >= 4) {
                            delay = (body[1] & 0xFF) | ((body[2] & 0xFF) << 8);
                            transparent = (body[0] & 1) != 0 ? body[3] & 0xFF : -1;
                        }
                    }
                    case 0xFE -> metadataBytes += add(metadata, new MetadataSegment(MetadataSegment.Kind.COMMENT,
                            "GIF comment", blockStart, body), metadataBytes, limits);
                    case 0xFF -> {
                        String app = body.length >= 11 ? new String(body, 0, 11, StandardCharsets.ISO_8859_1) : "";
                        MetadataSegment.Kind kind = app.equals("XMP DataXMP") ? MetadataSegment.Kind.XMP
                                : MetadataSegment.Kind.OTHER;
                        metadataBytes += add(metadata, new MetadataSegment(kind, "GIF application " + app.trim(),
                                blockStart, body), metadataBytes, limits);
                    }
                    default -> metadataBytes += add(metadata, new MetadataSegment(MetadataSegment.Kind.OTHER,
                            String.format("GIF extension 0x%02X", label), blockStart, body), metadataBytes, limits);
                }
                continue;
            }
            if (type != 0x2C) {
                throw ImageDecodeException.malformed(String.format("GIF: unknown block 0x%02X at offset %d", type,
                        blockStart));
            }
            if (frames.size() >= limits.maxFrames()) {
                throw new ImageDecodeException(ErrorCode.TOO_LARGE, "GIF: more than " + limits.maxFrames() + " frames");
            }
            int left = r.u16le("GIF frame left");
            int top = r.u16le("GIF frame top");
            int w = r.u16le("GIF frame width");
            int h = r.u16le("GIF frame height");
            int flags = r.u8("GIF frame flags");
            Palette local = (flags & 0x80) != 0 ? readTable(r, 2 << (flags & 7), "local") : null;
            int dataStart = r.position();
            int minCodeSize = r.u8("GIF LZW minimum code size");
            byte[] lzw = frames.isEmpty() ? subBlocks(r, data.length) : null;
            if (!frames.isEmpty()) {
                skipSubBlocks(r);
            }
            FrameInfo info = new FrameInfo(frames.size(), left, top, w, h, delay, (flags & 0x40) != 0, local != null);
            frames.add(new Frame(info, local, transparent, minCodeSize, dataStart, r.position(), lzw));
            transparent = -1;
            delay = 0;
        }
    }

    private static long add(List<MetadataSegment> list, MetadataSegment s, long soFar, ImageLimits limits) {
        if (soFar + s.data().length > limits.maxMetadataBytes()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "GIF: metadata above " + limits.maxMetadataBytes());
        }
        list.add(s);
        return s.data().length;
    }

    private static Palette readTable(ByteReader r, int entries, String which) {
        r.require(3L * entries, "GIF " + which + " colour table");
        int[] rgb = new int[entries];
        for (int i = 0; i < entries; i++) {
            rgb[i] = (r.u8("table") << 16) | (r.u8("table") << 8) | r.u8("table");
        }
        return new Palette(rgb, null);
    }

    /** Concatenated data of a sub-block chain, up to its 0 terminator. */
    private static byte[] subBlocks(ByteReader r, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int n = r.u8("GIF sub-block size");
            if (n == 0) {
                return out.toByteArray();
            }
            r.require(n, "GIF sub-block");
            out.write(r.data(), r.position(), n);
            r.skip(n, "GIF sub-block");
            if (out.size() > max) {
                throw new ImageDecodeException(ErrorCode.TOO_LARGE, "GIF: block data above " + max + " bytes");
            }
        }
    }

    private static void skipSubBlocks(ByteReader r) {
        while (true) {
            int n = r.u8("GIF sub-block size");
            if (n == 0) {
                return;
            }
            r.skip(n, "GIF sub-block");
        }
    }
}
