package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG, decoded by our own chunk walker and unfiltering so that samples are exactly as stored: every colour type
 * and bit depth, Adam7 interlacing, palette transparency. Limits are checked from IHDR before any pixel buffer
 * is allocated; the inflated size must be exactly what IHDR implies.
 */
public final class PngDecoder implements ImageDecoder {
    /** Adam7 passes: x start, y start, x step, y step. */
    static final int[][] ADAM7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2},
        {0, 1, 1, 2}};

    @Override
    public ImageFormat format() {
        return ImageFormat.PNG;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        List<PngChunk> chunks = PngChunk.walk(data);
        PngHeader header = PngHeader.read(data, chunks.get(0), limits);
        Palette palette = null;
        int[] paletteAlpha = null;
        List<MetadataSegment> metadata = new ArrayList<>();
        long metadataBytes = 0;
        List<PngChunk> idat = new ArrayList<>();
        long compressed = 0;
        for (PngChunk c : chunks.subList(1, chunks.size())) {
            switch (c.type()) {
                case "IHDR" -> throw ImageDecodeException.malformed("PNG: second IHDR at offset " + c.start());
                case "PLTE" -> {
                    requireCrc(data, c);
                    if (header.colorType() == 3) {
                        palette = readPalette(data, c);
                    }
                }
                case "tRNS" -> {
                    requireCrc(data, c);
                    if (header.colorType() == 3) {
                        paletteAlpha = new int[c.length()];
                        for (int i = 0; i < c.length(); i++) {
                            paletteAlpha[i] = data[c.dataOffset() + i] & 0xFF;
                        }
                    } else {
                        metadataBytes += add(metadata, new MetadataSegment(MetadataSegment.Kind.OTHER, "tRNS",
                                c.dataOffset(), c.data(data)), metadataBytes, limits);
                    }
                }
                case "IDAT" -> {
                    requireCrc(data, c);
                    idat.add(c);
                    compressed += c.length();
                }
                case "IEND" -> {
                }
                default -> {
                    if (c.critical()) {
                        throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE,
                                "PNG: unknown critical chunk " + c.type() + " at offset " + c.start());
                    }
                    metadataBytes += add(metadata, segment(data, c), metadataBytes, limits);
                }
            }
        }
        if (idat.isEmpty()) {
            throw ImageDecodeException.malformed("PNG: no IDAT chunk");
        }
        if (header.colorType() == 3 && palette == null) {
            throw ImageDecodeException.malformed("PNG: indexed image without PLTE");
        }
        long expected = header.filteredSize();
        if (expected > compressed * (long) limits.maxInflateRatio() + 1024) {
            throw new ImageDecodeException(ErrorCode.DECOMPRESSION_BOMB, "PNG: " + compressed
                    + " compressed bytes would inflate to " + expected + " (ratio limit " + limits.maxInflateRatio() + ")");
        }
        limits.checkHeap("PNG", (long) header.width() * header.height());
        byte[] raw = inflate(data, idat, (int) expected);
        int[][] samples = header.interlaced() ? deinterlace(raw, header) : unfilter(raw, 0, header, header.width(),
                header.height());
        int imageEnd = chunks.get(chunks.size() - 1).end();
        byte[] trailer = java.util.Arrays.copyOfRange(data, imageEnd, data.length);
        List<FrameInfo> frames = List.of(new FrameInfo(0, 0, 0, header.width(), header.height(), 0,
                header.interlaced(), false));
        if (header.colorType() == 3) {
            Palette full = withAlpha(palette, paletteAlpha);
            int[] indices = samples[0];
            return new DecodedImage(ImageFormat.PNG, header.width(), header.height(), header.bitDepth(),
                    ColorType.INDEXED, full.expand(indices), full, indices, false, metadata, frames, imageEnd, trailer);
        }
        return new DecodedImage(ImageFormat.PNG, header.width(), header.height(), header.bitDepth(),
                header.colorTypeModel(), samples, null, null, false, metadata, frames, imageEnd, trailer);
    }

    private static void requireCrc(byte[] data, PngChunk c) {
        if (!c.crcMatches(data)) {
            throw ImageDecodeException.malformed("PNG: CRC mismatch in " + c.type() + " at offset " + c.start());
        }
    }

    private static long add(List<MetadataSegment> list, MetadataSegment s, long soFar, ImageLimits limits) {
        if (soFar + s.data().length > limits.maxMetadataBytes()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "PNG: metadata above " + limits.maxMetadataBytes()
                    + " bytes");
        }
        list.add(s);
        return s.data().length;
    }

    private static MetadataSegment segment(byte[] data, PngChunk c) {
        byte[] body = c.data(data);
        return switch (c.type()) {
            case "eXIf" -> new MetadataSegment(MetadataSegment.Kind.EXIF, "eXIf", c.dataOffset(), body);
            case "iCCP" -> new MetadataSegment(MetadataSegment.Kind.ICC, "iCCP", c.dataOffset(), body);
            case "tEXt", "zTXt", "iTXt" -> {
                String keyword = keyword(body);
                MetadataSegment.Kind kind = c.type().equals("iTXt") && keyword.equals("XML:com.adobe.xmp")
                        ? MetadataSegment.Kind.XMP : MetadataSegment.Kind.TEXT;
                yield new MetadataSegment(kind, c.type() + ":" + keyword, c.dataOffset(), body);
            }
            default -> new MetadataSegment(MetadataSegment.Kind.OTHER, c.type(), c.dataOffset(), body);
        };
    }

    private static String keyword(byte[] body) {
        int n = 0;
        while (n < body.length && n < 79 && body[n] != 0) {
            n++;
        }
        return new String(body, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static Palette readPalette(byte[] data, PngChunk c) {
        if (c.length() == 0 || c.length() % 3 != 0 || c.length() > 768) {
            throw ImageDecodeException.malformed("PNG: PLTE length " + c.length() + " is not 3..768 in steps of 3");
        }
        int[] rgb = new int[c.length() / 3];
        for (int i = 0; i < rgb.length; i++) {
            int o = c.dataOffset() + 3 * i;
            rgb[i] = ((data[o] & 0xFF) << 16) | ((data[o + 1] & 0xFF) << 8) | (data[o + 2] & 0xFF);
        }
        return new Palette(rgb, null);
    }

    private static Palette withAlpha(Palette palette, int[] trns) {
        if (trns == null) {
            return palette;
        }
        if (trns.length > palette.size()) {
            throw ImageDecodeException.malformed("PNG: tRNS has " + trns.length + " entries, palette " + palette.size());
        }
        int[] alpha = new int[palette.size()];
        java.util.Arrays.fill(alpha, 255);
        System.arraycopy(trns, 0, alpha, 0, trns.length);
        return new Palette(palette.rgb(), alpha);
    }

    private static byte[] inflate(byte[] data, List<PngChunk> idat, int expected) {
        byte[] out = new byte[expected];
        Inflater inflater = new Inflater();
        try {
            int produced = 0;
            int next = 0;
            while (produced < expected) {
                if (inflater.needsInput()) {
                    if (next == idat.size()) {
                        throw new ImageDecodeException(ErrorCode.TRUNCATED, "PNG: image data ends after " + produced
                                + " of " + expected + " bytes");
                    }
                    PngChunk c = idat.get(next++);
                    inflater.setInput(data, c.dataOffset(), c.length());
                }
                int n = inflater.inflate(out, produced, expected - produced);
                produced += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new ImageDecodeException(ErrorCode.TRUNCATED, "PNG: zlib stream ends after " + produced
                                + " of " + expected + " bytes");
                    }
                    if (inflater.needsDictionary()) {
                        throw ImageDecodeException.malformed("PNG: zlib stream asks for a preset dictionary");
                    }
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw ImageDecodeException.malformed("PNG: corrupt zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static int[][] deinterlace(byte[] raw, PngHeader h) {
        int channels = h.channels();
        int[][] out = new int[channels][h.width() * h.height()];
        int offset = 0;
        for (int[] pass : ADAM7) {
            int pw = (h.width() - pass[0] + pass[2] - 1) / pass[2];
            int ph = (h.height() - pass[1] + pass[3] - 1) / pass[3];
            if (pw <= 0 || ph <= 0) {
                continue;
            }
            int[][] sub = unfilter(raw, offset, h, pw, ph);
            offset += ph * (1 + h.rowBytes(pw));
            for (int y = 0; y < ph; y++) {
                int dy = pass[1] + y * pass[3];
                for (int x = 0; x < pw; x++) {
                    int dx = pass[0] + x * pass[2];
                    for (int c = 0; c < channels; c++) {
                        out[c][dy * h.width() + dx] = sub[c][y * pw + x];
                    }
                }
            }
        }
        return out;
    }

    /** Reverses the per-row filters of a (sub)image starting at {@code offset} and unpacks its samples. */
    private static int[][] unfilter(byte[] raw, int offset, PngHeader h, int width, int height) {
        int rowBytes = h.rowBytes(width);
        int bpp = Math.max(1, h.channels() * h.bitDepth() / 8);
        int channels = h.channels();
        int[][] out = new int[channels][width * height];
        byte[] prev = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        int pos = offset;
        for (int y = 0; y < height; y++) {
            int filter = raw[pos++] & 0xFF;
            System.arraycopy(raw, pos, row, 0, rowBytes);
            pos += rowBytes;
            switch (filter) {
                case 0 -> {
                }
                case 1 -> {
                    for (int i = bpp; i < rowBytes; i++) {
                        row[i] += row[i - bpp];
                    }
                }
                case 2 -> {
                    for (int i = 0; i < rowBytes; i++) {
                        row[i] += prev[i];
                    }
                }
                case 3 -> {
                    for (int i = 0; i < rowBytes; i++) {
                        int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
                        row[i] += (byte) ((left + (prev[i] & 0xFF)) >>> 1);
                    }
                }
                case 4 -> {
                    for (int i = 0; i < rowBytes; i++) {
                        int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                        int b = prev[i] & 0xFF;
                        int c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
                        row[i] += (byte) paeth(a, b, c);
                    }
                }
                default -> throw ImageDecodeException.malformed("PNG: filter type " + filter + " in row " + y);
            }
            unpack(row, h.bitDepth(), channels, width, out, y * width);
            byte[] t = prev;
            prev = row;
            row = t;
        }
        return out;
    }

    static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void unpack(byte[] row, int bitDepth, int channels, int width, int[][] out, int base) {
        if (bitDepth == 8) {
            int k = 0;
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    out[c][base + x] = row[k++] & 0xFF;
                }
            }
        } else if (bitDepth == 16) {
            int k = 0;
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    out[c][base + x] = ((row[k] & 0xFF) << 8) | (row[k + 1] & 0xFF);
                    k += 2;
                }
            }
        } else {
            // 1, 2 or 4 bits, one channel (grey or indexed), most significant bits first
            int perByte = 8 / bitDepth;
            int mask = (1 << bitDepth) - 1;
            for (int x = 0; x < width; x++) {
                int b = row[x / perByte] & 0xFF;
                int shift = 8 - bitDepth * (x % perByte + 1);
                out[0][base + x] = (b >>> shift) & mask;
            }
        }
    }
}
