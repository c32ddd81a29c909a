package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker structure of a JPEG file, walked with bounds checks: SOI, marker segments by their declared
 * lengths, fill bytes, stray bytes between segments (skipped and recorded, as libjpeg skips them), entropy-coded data
 * after each SOS (scanned for the next marker that is not a stuffed
 * 0xFF00 or an RSTn), up to the first EOI.
 *
 * <p>The image ends at the first EOI the walk reaches. Everything the walk passes over is accounted for by a
 * segment length or by scan data, so that EOI is the one that ends this image's scans. Any 0xFFD9 bytes further
 * on belong to whatever was appended (an appended JPEG has its own EOI, a ZIP may hold 0xFFD9 by chance in its
 * compressed data): taking the last 0xFFD9 of the file would cut such a trailer in two and hide part of it
 * inside the "image". An EXIF thumbnail's EOI lies inside its APP1 segment and is skipped by the length.
 */
final class JpegStructure {
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int COM = 0xFE;

    final List<JpegSegment> segments;
    /** Index of the SOF segment in {@link #segments}. */
    final int sofIndex;
    final int sofMarker;
    final int precision;
    final int width;
    final int height;
    final int components;
    final int scans;
    /** File offset just past the EOI (the end of the data when the file is truncated). */
    final int imageEnd;
    /** Bytes between segments that are not a marker, skipped as libjpeg skips them: {offset, count} each. */
    final List<int[]> strayBytes;
    /** Where the usable data of a truncated file ends (inside or after its last scan), else -1. */
    final int truncatedAt;

    private JpegStructure(List<JpegSegment> segments, int sofIndex, int sofMarker, int precision, int width,
                          int height, int components, int scans, int imageEnd, List<int[]> strayBytes,
                          int truncatedAt) {
        this.strayBytes = List.copyOf(strayBytes);
        this.truncatedAt = truncatedAt;
        this.segments = segments;
        this.sofIndex = sofIndex;
        this.sofMarker = sofMarker;
        this.precision = precision;
        this.width = width;
        this.height = height;
        this.components = components;
        this.scans = scans;
        this.imageEnd = imageEnd;
    }

    static JpegStructure parse(byte[] data) {
        ByteReader r = new ByteReader(data);
        if (r.u8("SOI") != 0xFF || r.u8("SOI") != SOI) {
            throw ImageDecodeException.malformed("JPEG: no SOI marker at offset 0");
        }
        List<JpegSegment> segments = new ArrayList<>();
        segments.add(new JpegSegment(SOI, 0, 2, 2));
        int sofIndex = -1;
        int sofMarker = 0;
        int precision = 0;
        int width = 0;
        int height = 0;
        int components = 0;
        int scans = 0;
        List<int[]> stray = new ArrayList<>();
        while (true) {
            int start = r.position();
            if (scans > 0 && !r.hasRemaining()) {
                return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans, stray,
                        start, data.length);
            }
            int b = r.u8("JPEG marker");
            if (b != 0xFF) {
                // cameras and editors leave padding or junk between segments; libjpeg skips to the next 0xFF
                int next = start;
                while (next < data.length && (data[next] & 0xFF) != 0xFF) {
                    next++;
                }
                if (next >= data.length) {
                    if (scans > 0) {
                        return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans,
                                stray, start, data.length);
                    }
                    throw ImageDecodeException.malformed(String.format(
                            "JPEG: expected a marker at offset %d, found byte 0x%02x and no marker after it", start,
                            b));
                }
                stray.add(new int[] {start, next - start});
                r.seek(next);
                continue;
            }
            if (scans > 0 && r.position() + 1 > r.limit()) {
                return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans, stray,
                        start, data.length);
            }
            int marker = r.u8("JPEG marker");
            while (marker == 0xFF) { // fill bytes
                start = r.position() - 1;
                marker = r.u8("JPEG marker");
            }
            if (marker == 0x00 || marker == SOI) {
                throw ImageDecodeException.malformed(String.format(
                        "JPEG: unexpected marker 0xff%02x at offset %d", marker, start));
            }
            if (marker == EOI) {
                segments.add(new JpegSegment(EOI, start, r.position(), r.position()));
                if (sofIndex < 0 || scans == 0) {
                    throw ImageDecodeException.malformed("JPEG: EOI at offset " + start
                            + " before any " + (sofIndex < 0 ? "frame header (SOF)" : "scan (SOS)"));
                }
                return new JpegStructure(segments, sofIndex, sofMarker, precision, width, height, components,
                        scans, r.position(), stray, -1);
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { // RSTn, TEM: no payload
                segments.add(new JpegSegment(marker, start, r.position(), r.position()));
                continue;
            }
            if (scans > 0 && r.position() + 2 > r.limit()) {
                return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans, stray,
                        start, data.length);
            }
            int length = r.u16be("JPEG segment length");
            if (length < 2) {
                throw ImageDecodeException.malformed(String.format(
                        "JPEG: segment 0xff%02x at offset %d declares length %d (minimum 2)", marker, start, length));
            }
            int dataOffset = r.position();
            if (scans > 0 && dataOffset + length - 2 > r.limit()) {
                return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans, stray,
                        start, data.length);
            }
            r.require(length - 2, String.format("JPEG segment 0xff%02x at offset %d", marker, start));
            JpegSegment seg = new JpegSegment(marker, start, dataOffset, dataOffset + length - 2);
            segments.add(seg);
            if (isSof(marker)) {
                if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2 && marker != 0xC9 && marker != 0xCA) {
                    throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, String.format(
                            "JPEG: frame type SOF%d (0xff%02x) at offset %d is not decoded (%s)", marker - 0xC0,
                            marker, start, sofName(marker)));
                }
                if (sofIndex >= 0) {
                    throw ImageDecodeException.malformed("JPEG: second frame header at offset " + start);
                }
                ByteReader s = new ByteReader(data, dataOffset, seg.end());
                precision = s.u8("SOF precision");
                height = s.u16be("SOF height");
                width = s.u16be("SOF width");
                components = s.u8("SOF components");
                if (precision != 8) {
                    throw new ImageDecodeException(precision == 12 || precision == 16
                            ? ErrorCode.UNSUPPORTED_FEATURE : ErrorCode.MALFORMED,
                            "JPEG: " + precision + "-bit samples (SOF at offset " + start + "); only 8-bit is decoded");
                }
                if (components != 1 && components != 3 && components != 4) {
                    throw new ImageDecodeException(components == 0 ? ErrorCode.MALFORMED
                            : ErrorCode.UNSUPPORTED_FEATURE,
                            "JPEG: " + components + " components in SOF at offset " + start);
                }
                if (length != 8 + 3 * components) {
                    throw ImageDecodeException.malformed("JPEG: SOF at offset " + start + " has length " + length
                            + ", expected " + (8 + 3 * components) + " for " + components + " components");
                }
                for (int i = 0; i < components; i++) {
                    s.u8("SOF component id");
                    int sampling = s.u8("SOF sampling");
                    int h = sampling >> 4;
                    int v = sampling & 15;
                    if (h < 1 || h > 4 || v < 1 || v > 4) {
                        throw ImageDecodeException.malformed("JPEG: component " + i + " has sampling factors "
                                + h + "x" + v + " (SOF at offset " + start + ")");
                    }
                    if (s.u8("SOF quantisation table") > 3) {
                        throw ImageDecodeException.malformed("JPEG: component " + i
                                + " refers to quantisation table > 3 (SOF at offset " + start + ")");
                    }
                }
                if (width == 0) {
                    throw ImageDecodeException.malformed("JPEG: width 0 in SOF at offset " + start);
                }
                if (height == 0) {
                    throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE,
                            "JPEG: height 0 in SOF at offset " + start + " (height defined by a DNL marker)");
                }
                sofIndex = segments.size() - 1;
                sofMarker = marker;
            }
            r.seek(seg.end());
            if (marker == SOS) {
                if (sofIndex < 0) {
                    throw ImageDecodeException.malformed("JPEG: scan (SOS) at offset " + start + " before SOF");
                }
                int ns = length >= 3 ? data[dataOffset] & 0xFF : 0;
                if (ns < 1 || ns > 4 || length != 6 + 2 * ns) {
                    throw ImageDecodeException.malformed("JPEG: SOS at offset " + start + " has length " + length
                            + " for " + ns + " components");
                }
                scans++;
                if (!skipEntropyData(r, data)) {
                    return truncated(segments, sofIndex, sofMarker, precision, width, height, components, scans,
                            stray, data.length, data.length);
                }
            }
        }
    }

    /** A file that ends after at least one scan has begun: decoded up to {@code cut}, the rest filled. */
    private static JpegStructure truncated(List<JpegSegment> segments, int sofIndex, int sofMarker, int precision,
                                           int width, int height, int components, int scans, List<int[]> stray,
                                           int cut, int dataLength) {
        // every byte belongs to the image: a cut-off segment is not a trailer
        return new JpegStructure(segments, sofIndex, sofMarker, precision, width, height, components, scans,
                dataLength, stray, cut);
    }

    boolean truncated() {
        return truncatedAt >= 0;
    }

    /**
     * The bytes a pixel decoder should read: the image itself, without the stray bytes between segments, and for a
     * truncated file the data up to the cut followed by an EOI (libjpeg fills what the data does not reach).
     */
    byte[] cleanedBytes(byte[] data) {
        int end = truncated() ? truncatedAt : imageEnd;
        if (strayBytes.isEmpty() && !truncated()) {
            return data;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end + 2);
        int p = 0;
        for (int[] s : strayBytes) {
            out.write(data, p, s[0] - p);
            p = s[0] + s[1];
        }
        out.write(data, p, end - p);
        if (truncated()) {
            out.write(0xFF);
            out.write(EOI);
        }
        return out.toByteArray();
    }

    /**
     * Moves {@code r} to the 0xFF of the next marker that is neither stuffing (FF00) nor RSTn nor fill; false when
     * the data ends first (a truncated file).
     */
    private static boolean skipEntropyData(ByteReader r, byte[] data) {
        int p = r.position();
        int limit = r.limit();
        while (true) {
            if (p + 1 >= limit) {
                return false;
            }
            if ((data[p] & 0xFF) != 0xFF) {
                p++;
                continue;
            }
            int next = data[p + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                p += 2;
            } else if (next == 0xFF) {
                p++; // fill byte: the marker begins at a later 0xFF
            } else {
                r.seek(p);
                return true;
            }
        }
    }

    static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static String sofName(int marker) {
        return switch (marker) {
            case 0xC3 -> "lossless";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical";
            case 0xCB -> "lossless, arithmetic coding";
            default -> "hierarchical, arithmetic coding";
        };
    }
}
