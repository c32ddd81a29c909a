package dev.starlight.lab.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * A lenient walk of a valid file's structure into parts (PNG chunks, JPEG segments, GIF blocks, BMP headers,
 * RIFF chunks), so that mutations can cut at, duplicate, drop or lie about exactly those.
 */
final class Structure {
    /**
     * One structural part.
     *
     * @param offset      where it starts
     * @param length      its bytes in the file, header included
     * @param lengthField offset of the field that declares its length, or -1
     * @param fieldSize   1, 2 or 4 bytes
     * @param bigEndian   byte order of the length field
     */
    record Part(int offset, int length, int lengthField, int fieldSize, boolean bigEndian) {
        int end() {
            return offset + length;
        }
    }

    private Structure() {
    }

    static List<Part> parts(byte[] b) {
        try {
            if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P') {
                return png(b);
            }
            if (b.length >= 6 && b[0] == 'G' && b[1] == 'I') {
                return gif(b);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
                return jpeg(b);
            }
            if (b.length >= 12 && b[0] == 'R' && b[1] == 'I') {
                return riff(b);
            }
            if (b.length >= 54 && b[0] == 'B' && b[1] == 'M') {
                return bmp(b);
            }
        } catch (RuntimeException e) {
            // a walk of our own valid seeds does not fail; anything else just has fewer parts
        }
        return List.of(new Part(0, b.length, -1, 0, true));
    }

    private static List<Part> png(byte[] b) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(0, 8, -1, 0, true));
        int p = 8;
        while (p + 12 <= b.length) {
            int len = Bytes.intBe(b, p);
            if (len < 0 || p + 12L + len > b.length) {
                break;
            }
            parts.add(new Part(p, len + 12, p, 4, true));
            p += len + 12;
        }
        return parts;
    }

    private static List<Part> jpeg(byte[] b) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(0, 2, -1, 0, true));
        int p = 2;
        while (p + 4 <= b.length) {
            int marker = b[p + 1] & 0xFF;
            if ((b[p] & 0xFF) != 0xFF || marker == 0xD9) {
                break;
            }
            int len = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
            int end = p + 2 + len;
            if (marker == 0xDA) {
                // the scan runs to the next marker that is not a stuffed byte or a restart
                int q = end;
                while (q + 1 < b.length && !((b[q] & 0xFF) == 0xFF && (b[q + 1] & 0xFF) != 0
                        && ((b[q + 1] & 0xFF) < 0xD0 || (b[q + 1] & 0xFF) > 0xD7))) {
                    q++;
                }
                end = q;
            }
            if (end > b.length) {
                break;
            }
            parts.add(new Part(p, end - p, p + 2, 2, true));
            p = end;
        }
        if (p < b.length) {
            parts.add(new Part(p, b.length - p, -1, 0, true));
        }
        return parts;
    }

    private static List<Part> gif(byte[] b) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(0, 13, -1, 0, false));
        int p = 13;
        int flags = b[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            int size = 3 << ((flags & 7) + 1);
            parts.add(new Part(p, size, -1, 0, false));
            p += size;
        }
        while (p < b.length) {
            int start = p;
            int id = b[p] & 0xFF;
            if (id == 0x3B) {
                parts.add(new Part(p, 1, -1, 0, false));
                break;
            }
            if (id == 0x21) {
                p += 2;
            } else if (id == 0x2C) {
                int f = b[p + 9] & 0xFF;
                p += 10;
                if ((f & 0x80) != 0) {
                    p += 3 << ((f & 7) + 1);
                }
                p += 1;
            } else {
                break;
            }
            int firstSubBlock = p;
            while (p < b.length && b[p] != 0) {
                parts.add(new Part(p, (b[p] & 0xFF) + 1, p, 1, false));
                p += (b[p] & 0xFF) + 1;
            }
            p++;
            parts.add(new Part(start, p - start, firstSubBlock < b.length ? firstSubBlock : -1, 1, false));
        }
        return parts;
    }

    private static List<Part> riff(byte[] b) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(0, 12, 4, 4, false));
        int p = 12;
        while (p + 8 <= b.length) {
            int len = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8 | (b[p + 6] & 0xFF) << 16 | (b[p + 7] & 0xFF) << 24;
            int padded = len + (len & 1);
            if (len < 0 || p + 8L + padded > b.length) {
                break;
            }
            parts.add(new Part(p, 8 + padded, p + 4, 4, false));
            p += 8 + padded;
        }
        return parts;
    }

    private static List<Part> bmp(byte[] b) {
        List<Part> parts = new ArrayList<>();
        int offBits = (b[10] & 0xFF) | (b[11] & 0xFF) << 8 | (b[12] & 0xFF) << 16 | (b[13] & 0xFF) << 24;
        int dib = (b[14] & 0xFF) | (b[15] & 0xFF) << 8;
        parts.add(new Part(0, 14, 2, 4, false));
        parts.add(new Part(14, dib, 14, 4, false));
        if (offBits > 14 + dib && offBits <= b.length) {
            parts.add(new Part(14 + dib, offBits - 14 - dib, 46, 4, false));
        }
        int pixels = Math.min(Math.max(offBits, 14 + dib), b.length);
        parts.add(new Part(pixels, b.length - pixels, 34, 4, false));
        return parts;
    }
}
