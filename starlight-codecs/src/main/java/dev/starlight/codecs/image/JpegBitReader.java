package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;

/**
 * Reads the entropy-coded segment of a JPEG scan bit by bit, most significant bit first (ITU-T T.81 F.2.2.5,
 * procedure NEXTBIT): a 0xFF byte followed by 0x00 is one data byte 0xFF (byte stuffing, T.81 B.1.1.5); any other
 * byte after 0xFF is a marker, where the data stops. At a marker, and at the end of the file, zero bits are fed
 * and counted, so a scan that needs more data than it has is noticed ({@link #paddingConsumed}) rather than read
 * out of bounds.
 */
final class JpegBitReader {
    private final byte[] data;
    private int pos;
    private long acc;
    private int bits;
    private int padding;
    private boolean atMarker;
    private boolean eof;

    JpegBitReader(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
    }

    private void fill() {
        while (bits <= 56) {
            int b = 0;
            if (atMarker || eof) {
                padding += 8;
            } else if (pos >= data.length) {
                eof = true;
                padding += 8;
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    if (pos + 1 >= data.length) {
                        eof = true;
                        padding += 8;
                        b = 0;
                    } else if (data[pos + 1] == 0) {
                        pos += 2;
                    } else {
                        atMarker = true;
                        padding += 8;
                        b = 0;
                    }
                } else {
                    pos++;
                }
            }
            acc = (acc << 8) | b;
            bits += 8;
        }
    }

    /** The next {@code n} (0..16) bits without consuming them. */
    int peek(int n) {
        if (bits < n) {
            fill();
        }
        return (int) (acc >>> (bits - n)) & ((1 << n) - 1);
    }

    void skip(int n) {
        bits -= n;
    }

    /** The next {@code n} (0..16) bits as an unsigned number (T.81 F.2.2.4, RECEIVE). */
    int bits(int n) {
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (acc >>> bits) & ((1 << n) - 1);
    }

    int bit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (acc >>> bits) & 1;
    }

    /** Zero bits consumed past the end of the data (at a marker or the end of the file). */
    int paddingConsumed() {
        return Math.max(0, padding - bits);
    }

    boolean hitEndOfFile() {
        return eof;
    }

    /**
     * Ends a restart interval (T.81 F.2.1.3): drops the bits left in the current byte and steps over the RSTn
     * marker that must follow. Stray bytes before the marker are skipped; a different marker is an error.
     */
    void restart() {
        acc = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
        int p = nextMarker(pos, true);
        int m = data[p + 1] & 0xFF;
        if (m < 0xD0 || m > 0xD7) {
            throw ImageDecodeException.malformed(String.format(
                    "JPEG: expected a restart marker (RSTn) at offset %d, found 0xff%02x", p, m));
        }
        pos = p + 2;
    }

    /** Offset of the marker that ends this scan's entropy-coded data (RSTn markers inside it are passed). */
    int endOfScan() {
        return nextMarker(pos, false);
    }

    private int nextMarker(int p, boolean stopAtRst) {
        while (true) {
            if (p + 1 >= data.length) {
                throw new ImageDecodeException(ErrorCode.TRUNCATED,
                        "JPEG: entropy-coded data runs to the end of the file (no marker after it)");
            }
            if ((data[p] & 0xFF) != 0xFF) {
                p++;
                continue;
            }
            int next = data[p + 1] & 0xFF;
            if (next == 0x00 || next == 0xFF) {
                p += next == 0 ? 2 : 1;
            } else if (next >= 0xD0 && next <= 0xD7 && !stopAtRst) {
                p += 2;
            } else {
                return p;
            }
        }
    }
}
