package dev.starlight.core.search.steghide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The plain data of an unencrypted steghide embedding, read and checked: compression flag (with the uncompressed
 * length and a zlib stream), checksum flag and CRC32, the embedded file's name up to a NUL, and the data. Only
 * an embedding whose zlib stream inflates to the recorded length and whose CRC32 matches is accepted.
 *
 * @param fileName the name steghide stored (may be empty)
 * @param data     the embedded file's bytes
 */
public record SteghideMessage(String fileName, byte[] data) {
    /** Largest uncompressed length inflated (steghide writes whole covers' worth at most; a JPEG holds far less). */
    private static final long MAX_UNCOMPRESSED_BITS = 8L * 64 * 1024 * 1024;

    /** Reads {@code header.plainBits()} bits after the header; null when they are not a well-formed message. */
    static SteghideMessage read(SteghideBits bits, SteghideHeader header) {
        if (header.encrypted() || header.plainBits() > bits.remaining()) {
            return null;
        }
        int n = (int) header.plainBits();
        byte[] plain = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            plain[i >>> 3] |= (byte) (bits.bit() << (i & 7));
        }
        BitReader r = new BitReader(plain, n);
        if (r.bit() == 1) {
            long uncompressedBits = r.value(32);
            if (uncompressedBits > MAX_UNCOMPRESSED_BITS || uncompressedBits < 9) {
                return null;
            }
            byte[] inflated = inflate(r.bytesFromHere(), (int) ((uncompressedBits + 7) / 8));
            if (inflated == null) {
                return null;
            }
            r = new BitReader(inflated, (int) uncompressedBits);
        }
        return parseUncompressed(r);
    }

    private static SteghideMessage parseUncompressed(BitReader r) {
        boolean checksum = r.bit() == 1;
        long crc = checksum ? r.value(32) : -1;
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        while (true) {
            if (r.left() < 8) {
                return null;
            }
            int c = (int) r.value(8);
            if (c == 0) {
                break;
            }
            name.write(c);
        }
        if (r.left() % 8 != 0) {
            return null;
        }
        byte[] data = new byte[r.left() / 8];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) r.value(8);
        }
        if (checksum && crc != SteghideCrc32.of(data)) {
            return null;
        }
        return new SteghideMessage(name.toString(StandardCharsets.ISO_8859_1), data);
    }

    private static byte[] inflate(byte[] zlib, int expected) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            byte[] out = new byte[expected];
            int got = 0;
            while (got < expected && !inflater.finished()) {
                int k = inflater.inflate(out, got, expected - got);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                got += k;
            }
            return got == expected && inflater.finished() ? out : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** Least-significant-bit-first reader over bytes, as steghide's BitString stores them. */
    private static final class BitReader {
        private final byte[] bytes;
        private final int length;
        private int pos;

        BitReader(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        int left() {
            return length - pos;
        }

        int bit() {
            if (pos >= length) {
                return 0;
            }
            int b = (bytes[pos >>> 3] >>> (pos & 7)) & 1;
            pos++;
            return b;
        }

        long value(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) bit() << i;
            }
            return v;
        }

        /** The rest as bytes (the rest starts on a bit boundary of the plain data, so it is re-packed). */
        byte[] bytesFromHere() {
            byte[] out = new byte[left() / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) value(8);
            }
            return out;
        }
    }
}
