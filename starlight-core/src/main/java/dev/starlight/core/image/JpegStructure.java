package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker segments of a JPEG file, walked once: every segment with its position, the frame header's size,
 * and where the image ends. The end is the EOI the walker reaches after the scans, not the last FFD9 in the
 * file: an appended JPEG or ZIP may itself contain FFD9, and it belongs to the trailer.
 */
record JpegStructure(List<Segment> segments, int width, int height, int components, int precision,
                     boolean progressive, int imageEnd) {

    /** One marker segment: marker byte, offset of the 0xFF, offset and length of its payload (after the length field). */
    record Segment(int marker, int start, int dataOffset, int length) {
        int end() {
            return dataOffset + length;
        }
    }

    static JpegStructure walk(byte[] data, ImageLimits limits) {
        ByteReader r = new ByteReader(data);
        r.skip(2, "JPEG SOI");
        List<Segment> segments = new ArrayList<>();
        int width = 0;
        int height = 0;
        int components = 0;
        int precision = 0;
        boolean progressive = false;
        boolean frame = false;
        while (true) {
            int start = r.position();
            if (r.u8("JPEG marker") != 0xFF) {
                throw ImageDecodeException.malformed("JPEG: expected a marker at offset " + start);
            }
            int marker = r.u8("JPEG marker");
            while (marker == 0xFF) {
                marker = r.u8("JPEG marker"); // fill bytes
            }
            if (marker == 0xD9) {
                if (!frame) {
                    throw ImageDecodeException.malformed("JPEG: EOI before any frame");
                }
                return new JpegStructure(segments, width, height, components, precision, progressive, r.position());
            }
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // standalone markers
            }
            int length = r.u16be("JPEG segment length");
            if (length < 2) {
                throw ImageDecodeException.malformed("JPEG: segment length " + length + " at offset " + start);
            }
            r.require(length - 2, String.format("JPEG segment 0x%02X", marker));
            Segment s = new Segment(marker, start, r.position(), length - 2);
            segments.add(s);
            if (segments.size() > 100_000) {
                throw ImageDecodeException.malformed("JPEG: more than 100000 segments");
            }
            if (isFrame(marker)) {
                if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
                    throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, String.format(
                            "JPEG: frame type SOF%d (lossless, hierarchical or arithmetic coding)", marker - 0xC0));
                }
                ByteReader f = new ByteReader(data, s.dataOffset(), s.end());
                precision = f.u8("JPEG precision");
                height = f.u16be("JPEG height");
                width = f.u16be("JPEG width");
                components = f.u8("JPEG components");
                progressive = marker == 0xC2;
                frame = true;
                if (precision != 8) {
                    throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "JPEG: " + precision + "-bit samples");
                }
                if (width == 0 || height == 0) {
                    throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "JPEG: size " + width + "x" + height
                            + " (DNL-defined height)");
                }
                if ((long) width * height > limits.maxPixels() || width > limits.maxDimension()
                        || height > limits.maxDimension()) {
                    throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + width + "x" + height
                            + " exceeds the limits");
                }
                if (components != 1 && components != 3 && components != 4) {
                    throw ImageDecodeException.malformed("JPEG: " + components + " components");
                }
            }
            r.skip(length - 2, "JPEG segment");
            if (marker == 0xDA) {
                if (!frame) {
                    throw ImageDecodeException.malformed("JPEG: scan before frame header at offset " + start);
                }
                skipEntropyCodedData(r);
            }
        }
    }

    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Moves to the next marker after a scan: 0xFF00 is a stuffed byte, 0xFFD0..D7 are restart markers. */
    private static void skipEntropyCodedData(ByteReader r) {
        byte[] data = r.data();
        int p = r.position();
        int limit = r.limit();
        while (p + 1 < limit) {
            if ((data[p] & 0xFF) == 0xFF) {
                int next = data[p + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    r.seek(p);
                    return;
                }
                p += next == 0xFF ? 1 : 2;
            } else {
                p++;
            }
        }
        throw new ImageDecodeException(ErrorCode.TRUNCATED, "JPEG: scan data runs to the end of the file (no EOI)");
    }
}
