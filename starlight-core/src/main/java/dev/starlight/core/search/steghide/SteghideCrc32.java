package dev.starlight.core.search.steghide;

/**
 * The CRC32 steghide stores over the embedded data: mhash's CRC32, the unreflected CRC-32 of Ethernet's polynomial
 * 0x04C11DB7 with initial value and final XOR 0xFFFFFFFF (CRC-32/BZIP2), not the reflected one of zlib and
 * {@code java.util.zip.CRC32}.
 */
final class SteghideCrc32 {
    private static final int POLYNOMIAL = 0x04C11DB7;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private SteghideCrc32() {
    }

    static long of(byte[] data) {
        int c = 0xFFFFFFFF;
        for (byte b : data) {
            c = (c << 8) ^ TABLE[((c >>> 24) ^ b) & 0xFF];
        }
        return Integer.toUnsignedLong(~c);
    }
}
