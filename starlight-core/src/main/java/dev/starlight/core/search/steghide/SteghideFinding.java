package dev.starlight.core.search.steghide;

import java.util.Optional;

/**
 * A steghide embedding found by its seed.
 *
 * @param seed    the 32-bit seed (what steghide derives from the passphrase)
 * @param header  the header read with it
 * @param message the embedded file when the embedding is unencrypted (checked by zlib and CRC32); empty when it is
 *                encrypted, since the data then needs the passphrase itself
 * @param chance  the chance that a cover with no steghide data shows a header this plausible for some seed; about
 *                2^-32 of that when the message was read and checked
 */
public record SteghideFinding(int seed, SteghideHeader header, Optional<SteghideMessage> message, double chance) {

    /** The finding for this seed, or null when its bits are not a steghide embedding. */
    static SteghideFinding check(SteghideSamples samples, int seed) {
        SteghideBits bits = new SteghideBits(samples, seed);
        SteghideHeader header = SteghideHeader.read(bits);
        if (header == null) {
            return null;
        }
        double chance = chanceOfFalseHeader(samples.count());
        if (!header.encrypted()) {
            SteghideMessage m = SteghideMessage.read(bits, header);
            return m == null ? null : new SteghideFinding(seed, header, Optional.of(m), chance * 0x1p-32);
        }
        return new SteghideFinding(seed, header, Optional.empty(), chance);
    }

    /**
     * Expected number of seeds whose header passes every rule on a cover of random parities: 2^32 seeds, times
     * 2^-25 for magic and version, times the share of valid algorithm and mode pairs, times the share of 32-bit
     * lengths that are 1 or 2 modulo 8 and fit the cover.
     */
    public static double chanceOfFalseHeader(int samples) {
        long bitsLeft = samples / SteghideBits.SAMPLES_PER_BIT - SteghideHeader.BITS;
        if (bitsLeft < 10) {
            return 0;
        }
        double lengths = (bitsLeft - 9) / 4.0;
        return 0x1p7 * (SteghideHeader.VALID_PAIRS / 256.0) * (lengths / 0x1p32);
    }

    /** The seed as steghide derives it from a passphrase: the four little-endian words of its MD5, XORed. */
    public static int seedOf(byte[] passphrase) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(passphrase);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            return b.getInt() ^ b.getInt() ^ b.getInt() ^ b.getInt();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
