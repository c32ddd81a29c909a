package dev.starlight.core.search;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Files and compressed streams recognised in a carrier by their structure, not by their magic alone: a PNG's
 * chunks with their CRCs up to IEND, a GIF's blocks up to its trailer, a JPEG's segments up to EOI, a ZIP's
 * entries (each inflated and CRC-checked) up to its end record, a PDF's header through {@code startxref} and
 * {@code %%EOF}, zlib and gzip streams inflated to their end and checked (Adler-32, CRC-32 and size), and bzip2
 * streams followed block by block to their end marker, whose combined CRC must agree with the blocks'. Each check
 * answers the structure's exact length, so the payload is the structure and nothing after it.
 */
final class EmbeddedStructure {
    /** What was recognised and how long it is. */
    record Match(String kind, int length) {
    }

    /** Most bytes a compressed stream may inflate to before it is given up on (a bomb is not a message). */
    static final long MAX_INFLATED = 64L << 20;

    private EmbeddedStructure() {
    }

    /** True when the first bytes at {@code at} start one of the structures (a cheap test before {@link #match}). */
    static boolean startsOne(CarrierBytes in, int at) {
        int b0 = in.at(at);
        int b1 = in.at(at + 1);
        if (b0 < 0 || b1 < 0) {
            return false;
        }
        return b0 == 0x89 && b1 == 'P' || b0 == 'G' && b1 == 'I' || b0 == 0xFF && b1 == 0xD8 || b0 == 'P' && b1 == 'K'
                || b0 == '%' && b1 == 'P' || b0 == 0x1F && b1 == 0x8B || b0 == 'B' && b1 == 'Z' || isZlibHeader(b0, b1);
    }

    /** The structure that starts at {@code at} and ends within {@code max} bytes, or null. */
    static Match match(CarrierBytes in, int at, int max) {
        int end = (int) Math.min((long) at + max, in.length());
        int b0 = in.at(at);
        int b1 = in.at(at + 1);
        if (b0 < 0 || b1 < 0) {
            return null;
        }
        int n = -1;
        String kind = null;
        if (b0 == 0x89 && b1 == 'P') {
            n = png(in, at, end);
            kind = "png file";
        } else if (b0 == 'G' && b1 == 'I') {
            n = gif(in, at, end);
            kind = "gif file";
        } else if (b0 == 0xFF && b1 == 0xD8) {
            n = jpeg(in, at, end);
            kind = "jpeg file";
        } else if (b0 == 'P' && b1 == 'K') {
            n = zip(in, at, end);
            kind = "zip archive";
        } else if (b0 == '%' && b1 == 'P') {
            n = pdf(in, at, end);
            kind = "pdf file";
        } else if (b0 == 0x1F && b1 == 0x8B) {
            n = gzip(in, at, end);
            kind = "gzip stream";
        } else if (b0 == 'B' && b1 == 'Z') {
            n = bzip2(in, at, end);
            kind = "bzip2 stream";
        } else if (isZlibHeader(b0, b1)) {
            n = zlib(in, at, end);
            kind = "zlib stream";
        }
        return n > 0 ? new Match(kind, n) : null;
    }

    static boolean isZlibHeader(int cmf, int flg) {
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (flg & 0x20) == 0 && (cmf << 8 | flg) % 31 == 0;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static int png(CarrierBytes in, int at, int end) {
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (in.at(at + i) != (PNG_SIGNATURE[i] & 0xFF)) {
                return -1;
            }
        }
        int p = at + 8;
        boolean first = true;
        while (p + 12 <= end) {
            long length = in.bigEndian(p, 4);
            if (length < 0 || length > end - p - 12) {
                return -1;
            }
            byte[] typeAndData = in.range(p + 4, 4 + (int) length);
            for (int i = 0; i < 4; i++) {
                int c = typeAndData[i] & 0xFF;
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    return -1;
                }
            }
            String type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (first && (!type.equals("IHDR") || length != 13)) {
                return -1;
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            if (crc.getValue() != in.bigEndian(p + 8 + (int) length, 4)) {
                return -1;
            }
            p += 12 + (int) length;
            if (type.equals("IEND")) {
                return p - at;
            }
        }
        return -1;
    }

    private static int gif(CarrierBytes in, int at, int end) {
        byte[] head = in.range(at, 13);
        if (head == null) {
            return -1;
        }
        String magic = new String(head, 0, 6, java.nio.charset.StandardCharsets.US_ASCII);
        long width = in.littleEndian(at + 6, 2);
        long height = in.littleEndian(at + 8, 2);
        if (!magic.equals("GIF87a") && !magic.equals("GIF89a") || width <= 0 || height <= 0) {
            return -1;
        }
        int packed = head[10] & 0xFF;
        int p = at + 13 + ((packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0);
        int images = 0;
        while (p < end) {
            int block = in.at(p);
            if (block == 0x3B) {
                return images > 0 ? p + 1 - at : -1;
            } else if (block == 0x21) {
                p = subBlocks(in, p + 2, end);
            } else if (block == 0x2C) {
                int local = in.at(p + 9);
                if (local < 0) {
                    return -1;
                }
                p += 10 + ((local & 0x80) != 0 ? 3 << ((local & 7) + 1) : 0);
                int codeSize = in.at(p);
                if (codeSize < 2 || codeSize > 8) {
                    return -1;
                }
                p = subBlocks(in, p + 1, end);
                images++;
            } else {
                return -1;
            }
            if (p < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Skips GIF data sub-blocks from {@code p}; the offset after the 0 terminator, or -1. */
    private static int subBlocks(CarrierBytes in, int p, int end) {
        while (p < end) {
            int size = in.at(p);
            if (size < 0) {
                return -1;
            }
            p += 1 + size;
            if (size == 0) {
                return p;
            }
        }
        return -1;
    }

    private static int jpeg(CarrierBytes in, int at, int end) {
        int p = at + 2;
        boolean frame = false;
        boolean scan = false;
        while (p + 1 < end) {
            if (in.at(p) != 0xFF) {
                return -1;
            }
            int marker = in.at(p + 1);
            while (marker == 0xFF && p + 2 < end) {
                p++;
                marker = in.at(p + 1);
            }
            p += 2;
            if (marker == 0xD9) {
                return frame && scan ? p - at : -1;
            }
            if (marker == 0x00 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                return -1;
            }
            long length = in.bigEndian(p, 2);
            if (length < 2 || p + length > end) {
                return -1;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                frame = true;
            }
            p += (int) length;
            if (marker == 0xDA) {
                if (!frame) {
                    return -1;
                }
                scan = true;
                // entropy-coded data: up to the next marker that is neither a stuffed 0x00 nor a restart
                while (p + 1 < end) {
                    if (in.at(p) == 0xFF) {
                        int next = in.at(p + 1);
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    p++;
                }
            }
        }
        return -1;
    }

    private static int zip(CarrierBytes in, int at, int end) {
        int p = at;
        int entries = 0;
        while (in.bigEndian(p, 4) == 0x504B0304L) {
            if (in.range(p, 30) == null) {
                return -1;
            }
            int flags = (int) in.littleEndian(p + 6, 2);
            int method = (int) in.littleEndian(p + 8, 2);
            long crc = in.littleEndian(p + 14, 4);
            long compressed = in.littleEndian(p + 18, 4);
            long size = in.littleEndian(p + 22, 4);
            int nameLength = (int) in.littleEndian(p + 26, 2);
            int extraLength = (int) in.littleEndian(p + 28, 2);
            long dataStart = (long) p + 30 + nameLength + extraLength;
            boolean descriptor = (flags & 0x08) != 0;
            if ((flags & 0x01) != 0 || method != 0 && method != 8 || nameLength == 0 || dataStart >= end
                    || descriptor && method != 8) {
                return -1;
            }
            if (descriptor) {
                // sizes and CRC follow the data: inflate to find its end, then read them there
                Inflater inflater = new Inflater(true);
                CRC32 sum = new CRC32();
                long[] produced = new long[1];
                int used;
                try {
                    used = inflate(inflater, in, (int) dataStart, end, produced, sum);
                } finally {
                    inflater.end();
                }
                if (used <= 0) {
                    return -1;
                }
                int q = (int) dataStart + used;
                if (in.bigEndian(q, 4) == 0x504B0708L) {
                    q += 4;
                }
                if (in.littleEndian(q, 4) != sum.getValue() || in.littleEndian(q + 4, 4) != used
                        || in.littleEndian(q + 8, 4) != (produced[0] & 0xFFFFFFFFL)) {
                    return -1;
                }
                p = q + 12;
            } else {
                if (dataStart + compressed > end || !zipEntryChecks(in.range((int) dataStart, (int) compressed),
                        method, crc, size)) {
                    return -1;
                }
                p = (int) (dataStart + compressed);
            }
            entries++;
        }
        if (entries == 0) {
            return -1;
        }
        int central = 0;
        while (in.bigEndian(p, 4) == 0x504B0102L) {
            long n = in.littleEndian(p + 28, 2);
            long m = in.littleEndian(p + 30, 2);
            long k = in.littleEndian(p + 32, 2);
            if (n < 0 || m < 0 || k < 0) {
                return -1;
            }
            p += 46 + (int) (n + m + k);
            central++;
        }
        if (central != entries || in.bigEndian(p, 4) != 0x504B0506L || in.littleEndian(p + 10, 2) != entries) {
            return -1;
        }
        long comment = in.littleEndian(p + 20, 2);
        if (comment < 0 || p + 22 + comment > end) {
            return -1;
        }
        return p + 22 + (int) comment - at;
    }

    private static boolean zipEntryChecks(byte[] data, int method, long crc, long size) {
        byte[] content;
        if (method == 0) {
            content = data;
        } else {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(data);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!inflater.finished()) {
                    int k = inflater.inflate(buffer);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return false;
                    }
                    out.write(buffer, 0, k);
                    if (out.size() > MAX_INFLATED) {
                        return false;
                    }
                }
                content = out.toByteArray();
            } catch (DataFormatException e) {
                return false;
            } finally {
                inflater.end();
            }
        }
        CRC32 c = new CRC32();
        c.update(content);
        return content.length == size && c.getValue() == crc;
    }

    private static final byte[] EOF = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] STARTXREF = "startxref".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int pdf(CarrierBytes in, int at, int end) {
        byte[] head = in.range(at, 8);
        if (head == null || !new String(head, java.nio.charset.StandardCharsets.US_ASCII).matches("%PDF-[12]\\.[0-9]")) {
            return -1;
        }
        boolean xref = false;
        for (int p = at + 8; p + EOF.length <= end; p++) {
            if (!xref && startsWith(in, p, STARTXREF)) {
                xref = true;
            } else if (xref && startsWith(in, p, EOF)) {
                int q = p + EOF.length;
                if (in.at(q) == '\r') {
                    q++;
                }
                if (q < end && in.at(q) == '\n') {
                    q++;
                }
                return q - at;
            }
        }
        return -1;
    }

    private static boolean startsWith(CarrierBytes in, int p, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (in.at(p + i) != (s[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int zlib(CarrierBytes in, int at, int end) {
        Inflater inflater = new Inflater(false);
        try {
            long[] out = new long[1];
            int used = inflate(inflater, in, at + 0, end, out);
            return used > 0 && out[0] >= 4 ? used : -1;
        } finally {
            inflater.end();
        }
    }

    private static int gzip(CarrierBytes in, int at, int end) {
        int flags = in.at(at + 3);
        if (in.at(at + 2) != 8 || flags < 0 || (flags & 0xE0) != 0) {
            return -1;
        }
        int p = at + 10;
        if ((flags & 0x04) != 0) {
            long xlen = in.littleEndian(p, 2);
            if (xlen < 0) {
                return -1;
            }
            p += 2 + (int) xlen;
        }
        for (int bit : new int[] {0x08, 0x10}) {
            if ((flags & bit) != 0) {
                while (p < end && in.at(p) != 0) {
                    p++;
                }
                p++;
            }
        }
        if ((flags & 0x02) != 0) {
            p += 2;
        }
        if (p >= end) {
            return -1;
        }
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        try {
            long[] out = new long[1];
            int used = inflate(inflater, in, p, end, out, crc);
            if (used <= 0) {
                return -1;
            }
            int q = p + used;
            if (in.littleEndian(q, 4) != crc.getValue() || in.littleEndian(q + 4, 4) != (out[0] & 0xFFFFFFFFL)) {
                return -1;
            }
            return q + 8 - at;
        } finally {
            inflater.end();
        }
    }

    private static final long BZIP2_BLOCK = 0x314159265359L;
    private static final long BZIP2_END = 0x177245385090L;
    private static final long MAGIC_MASK = (1L << 48) - 1;

    /**
     * bzip2 without decompressing: blocks are bit-aligned and start with a 48-bit magic and the block's CRC; the
     * stream ends with another magic and the combined CRC (each block's CRC folded in by rotate-left-1 and xor).
     */
    private static int bzip2(CarrierBytes in, int at, int end) {
        int level = in.at(at + 3) - '0';
        if (in.at(at + 2) != 'h' || level < 1 || level > 9 || in.bigEndian(at + 4, 6) != BZIP2_BLOCK) {
            return -1;
        }
        long bit = (at + 10) * 8L;
        long endBit = end * 8L;
        int combined = 0;
        int blocks = 0;
        while (true) {
            long crc = bits(in, bit, 32);
            if (crc < 0) {
                return -1;
            }
            combined = (combined << 1 | combined >>> 31) ^ (int) crc;
            blocks++;
            bit += 32;
            long window = 0;
            long start = bit;
            while (true) {
                if (bit >= endBit) {
                    return -1;
                }
                window = (window << 1 | bitAt(in, bit++)) & MAGIC_MASK;
                if (bit - start < 48) {
                    continue;
                }
                if (window == BZIP2_BLOCK) {
                    break;
                }
                if (window == BZIP2_END) {
                    long stored = bits(in, bit, 32);
                    if (stored != (combined & 0xFFFFFFFFL) || blocks == 0) {
                        return -1;
                    }
                    return (int) ((bit + 32 + 7) / 8) - at;
                }
            }
        }
    }

    private static int bitAt(CarrierBytes in, long bit) {
        return in.at((int) (bit >>> 3)) >> (7 - (int) (bit & 7)) & 1;
    }

    /** {@code n} bits (≤ 32) from stream bit {@code bit}, most significant first; -1 past the end. */
    private static long bits(CarrierBytes in, long bit, int n) {
        if ((bit + n + 7) / 8 > in.length()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | bitAt(in, bit + i);
        }
        return v;
    }

    private static int inflate(Inflater inflater, CarrierBytes in, int from, int end, long[] produced) {
        return inflate(inflater, in, from, end, produced, null);
    }

    /** Inflates from {@code from}; the compressed bytes used when the stream ends cleanly, else -1. */
    private static int inflate(Inflater inflater, CarrierBytes in, int from, int end, long[] produced, CRC32 crc) {
        byte[] buffer = new byte[8192];
        int fed = from;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (fed >= end) {
                        return -1;
                    }
                    int n = Math.min(512, end - fed);
                    inflater.setInput(in.range(fed, n));
                    fed += n;
                }
                if (inflater.needsDictionary()) {
                    return -1;
                }
                int k = inflater.inflate(buffer);
                if (crc != null) {
                    crc.update(buffer, 0, k);
                }
                produced[0] += k;
                if (produced[0] > MAX_INFLATED) {
                    return -1;
                }
            }
            return (int) inflater.getBytesRead();
        } catch (DataFormatException e) {
            return -1;
        }
    }
}
