package dev.starlight.core.search;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compressed streams in a carrier, followed to their exact end and checked: zlib inflated with its Adler-32, gzip
 * inflated with its CRC-32 and size, bzip2 block by block to its end marker and combined CRC (no decompressor needed).
 * Each answers the stream's length from {@code at}, or -1.
 */
final class CompressedStreams {
    private CompressedStreams() {
    }

    static int zlib(CarrierBytes in, int at, int end) {
        Inflater inflater = new Inflater(false);
        try {
            long[] out = new long[1];
            int used = inflate(inflater, in, at + 0, end, out);
            return used > 0 && out[0] >= 4 ? used : -1;
        } finally {
            inflater.end();
        }
    }

    static int gzip(CarrierBytes in, int at, int end) {
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
    static int bzip2(CarrierBytes in, int at, int end) {
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
    static int inflate(Inflater inflater, CarrierBytes in, int from, int end, long[] produced, CRC32 crc) {
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
                if (produced[0] > EmbeddedStructure.MAX_INFLATED) {
                    return -1;
                }
            }
            return (int) inflater.getBytesRead();
        } catch (DataFormatException e) {
            return -1;
        }
    }
}
