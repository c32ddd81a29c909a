package dev.starlight.core.search.steghide;

import java.util.List;

/**
 * The header steghide 0.5.1 writes before the data: the magic "shm" (24 bits, 0x73688D), the version (a 0 bit for
 * version 0), the encryption algorithm (5 bits) and mode (3 bits), and the length of the plain data in bits (32).
 * The plain data is then a compression flag, with compression the uncompressed length (32 bits) and a zlib stream
 * in whole bytes, else the checksum flag, CRC32, file name, NUL and data in whole bytes; so its length is 1 modulo 8
 * when compressed and 2 modulo 8 when not. A header that breaks any of these rules was not written by steghide.
 *
 * @param algorithm the encryption algorithm's number (0 = none; steghide's order)
 * @param mode      the encryption mode's number (steghide's order; 7 = stream)
 * @param plainBits the length of the plain (before encryption) data in bits
 */
public record SteghideHeader(int algorithm, int mode, long plainBits) {
    static final int MAGIC = 0x73688D;
    static final int MAGIC_BITS = 24;
    /** Magic, version bit, algorithm, mode, plain length. */
    static final int BITS = MAGIC_BITS + 1 + 5 + 3 + 32;
    static final int NONE = 0;
    static final int STREAM_MODE = 7;
    static final int DEFAULT_MODE = 1;

    private static final List<String> ALGORITHMS = List.of("none", "twofish", "rijndael-128", "rijndael-192",
            "rijndael-256", "saferplus", "rc2", "xtea", "serpent", "safer-sk64", "safer-sk128", "cast-256", "loki97",
            "gost", "threeway", "cast-128", "blowfish", "des", "tripledes", "enigma", "arcfour", "panama", "wake");
    private static final List<String> MODES = List.of("ecb", "cbc", "ofb", "cfb", "nofb", "ncfb", "ctr", "stream");
    /** The first stream cipher in {@link #ALGORITHMS}: enigma, arcfour, panama and wake take only the stream mode. */
    private static final int FIRST_STREAM_ALGORITHM = 19;
    /** Pairs of algorithm and mode steghide can write (22 ciphers, 7 block modes or stream), out of 256. */
    static final int VALID_PAIRS = 1 + (FIRST_STREAM_ALGORITHM - 1) * 7 + (ALGORITHMS.size() - FIRST_STREAM_ALGORITHM);

    public String algorithmName() {
        return ALGORITHMS.get(algorithm);
    }

    public String modeName() {
        return MODES.get(mode);
    }

    public boolean encrypted() {
        return algorithm != NONE;
    }

    /** Whether the plain data is a zlib stream (from its length: 1 modulo 8). */
    public boolean compressed() {
        return plainBits % 8 == 1;
    }

    /**
     * Reads the header from the start of the bits and checks it, or null when they do not hold one that steghide
     * could have written into a cover of this many bits.
     */
    static SteghideHeader read(SteghideBits bits) {
        long capacity = bits.remaining();
        if (capacity < BITS) {
            return null;
        }
        for (int b = 0; b < MAGIC_BITS; b++) {
            if (bits.bit() != ((MAGIC >>> b) & 1)) {
                return null; // most seeds the search hands over differ early: stop at the first wrong bit
            }
        }
        if (bits.bit() != 0) {
            return null;
        }
        int algorithm = (int) bits.value(5);
        int mode = (int) bits.value(3);
        long plain = bits.value(32);
        SteghideHeader h = new SteghideHeader(algorithm, mode, plain);
        return validPair(algorithm, mode) && plausibleLength(plain, capacity - BITS) ? h : null;
    }

    static boolean validPair(int algorithm, int mode) {
        if (algorithm == NONE) {
            return mode == DEFAULT_MODE; // unused, and steghide leaves its default (cbc) there
        }
        if (algorithm >= ALGORITHMS.size()) {
            return false;
        }
        return algorithm >= FIRST_STREAM_ALGORITHM ? mode == STREAM_MODE : mode < STREAM_MODE;
    }

    /** Length 1 or 2 modulo 8, at least two flags and a NUL, and no more than the cover holds after the header. */
    static boolean plausibleLength(long plainBits, long bitsLeft) {
        long r = plainBits % 8;
        return (r == 1 || r == 2) && plainBits >= 10 && plainBits <= bitsLeft;
    }
}
