package dev.starlight.core.search;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * steggy (npm {@code steggy}, {@code steggy-noencrypt}): in the LSBs of R, G, B of each pixel, row-major, alpha
 * skipped, bit 7 first: an 8-byte big-endian length, the SHA-256 of the message, then the message (AES-encrypted
 * when a password was given; the hash is then over the ciphertext). The hash must match, so anything this returns
 * is exactly what steggy wrote, text or not.
 */
final class SteggyFormat {
    static final String NAME = "steggy";
    private static final int HEADER = 8 + 32;

    private SteggyFormat() {
    }

    /** @param rgb the {@code b1,rgb,xy,msb-first} stream of the image */
    static StreamRecogniser.Found read(LayoutBits rgb) {
        CarrierBytes bytes = rgb.bytes();
        long length = bytes.bigEndian(0, 8);
        if (length <= 0 || length > bytes.length() - HEADER) {
            return null;
        }
        byte[] hash = bytes.range(8, 32);
        byte[] message = bytes.range(HEADER, (int) length);
        if (!Arrays.equals(hash, sha256(message))) {
            return null;
        }
        return new StreamRecogniser.Found(message, "64-bit length and SHA-256 verified, " + length + " bytes", 0.99);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
