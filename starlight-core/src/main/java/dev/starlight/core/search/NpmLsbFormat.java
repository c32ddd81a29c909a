package dev.starlight.core.search;

/**
 * npm {@code lsb} (hughsk/lsb) used on canvas pixels with its documented iterator that skips alpha: in the LSBs of
 * R, G, B, row-major, bit 7 first, a 4-byte length then the text, one byte per character. The length is written
 * as {@code n >> 32, n >> 24, n >> 16, n >> 8}, and JavaScript shifts by 32 mod 32, so the bytes are
 * {@code n & 0xFF, n >> 24, n >> 16, n >> 8 & 0xFF}: for a text under 256 characters, the length then three zeros.
 */
final class NpmLsbFormat {
    static final String NAME = "npm-lsb";

    private NpmLsbFormat() {
    }

    /** @param rgb the {@code b1,rgb,xy,msb-first} stream of the image */
    static StreamRecogniser.Found read(LayoutBits rgb) {
        CarrierBytes bytes = rgb.bytes();
        long h = bytes.bigEndian(0, 4);
        if (h < 0) {
            return null;
        }
        long length = (h >>> 24) | (h >>> 16 & 0xFF) << 24 | (h >>> 8 & 0xFF) << 16 | (h & 0xFF) << 8;
        if (length < StreamRecogniser.MIN_COUNTED_TEXT || length > bytes.length() - 4L) {
            return null;
        }
        return StreamRecogniser.body(bytes, 4, (int) length, "length header");
    }
}
