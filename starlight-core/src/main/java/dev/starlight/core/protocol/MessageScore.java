package dev.starlight.core.protocol;

/**
 * Judges whether bytes read from a carrier without a marker look like a deliberate message rather than the
 * noise of a clean image. Without a marker (AI42) the only thing that separates a message from noise is
 * structure, so this scores text: strict UTF-8, printable, not a short cycle (flat image regions give periodic
 * bit patterns that can decode as printable bytes), and long enough that chance is ruled out.
 *
 * <p>Chance: for random bits, each byte is printable ASCII with probability about 95/256, so {@code n} printable
 * bytes followed by the 0x00 terminator occur with probability about 0.37^n / 256; at the minimum of 8 bytes that
 * is ~1e-6 per carrier and bit order.
 */
public final class MessageScore {
    /** Shortest unmarked text accepted as a message. */
    static final int MIN_TEXT_BYTES = 8;

    private MessageScore() {
    }

    /** 0..1 plausibility of {@code bytes} being a text message. */
    public static double text(byte[] bytes) {
        if (bytes.length < MIN_TEXT_BYTES) {
            return 0.0;
        }
        if (Utf8.decodeStrict(bytes).isEmpty()) {
            return 0.0;
        }
        int printable = 0;
        int letters = 0;
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (!seen[v]) {
                seen[v] = true;
                distinct++;
            }
            if (v >= 0x20 && v != 0x7F || v == '\n' || v == '\r' || v == '\t' || v >= 0x80) {
                printable++;
            }
            if (v >= 'A' && v <= 'Z' || v >= 'a' && v <= 'z' || v >= 0x80) {
                letters++;
            }
        }
        double printableRatio = printable / (double) bytes.length;
        if (printableRatio < 0.97 || letters < bytes.length / 4 || distinct < 5 || isShortCycle(bytes)) {
            return 0.0;
        }
        // more evidence with length: 8 bytes -> 0.9, 16 -> 0.95, 32+ -> 0.99
        return Math.min(0.99, 1.0 - 0.8 / bytes.length);
    }

    /** False when the first bytes already rule out a text message (a control byte other than tab/newline). */
    static boolean plausibleStart(byte[] head) {
        for (byte b : head) {
            int v = b & 0xFF;
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' || v == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes repeat with a period of at most 4 (periodic LSBs of a flat region). */
    static boolean isShortCycle(byte[] bytes) {
        for (int period = 1; period <= 4; period++) {
            boolean cycle = true;
            for (int i = period; i < bytes.length && cycle; i++) {
                cycle = bytes[i] == bytes[i - period];
            }
            if (cycle) {
                return true;
            }
        }
        return false;
    }
}
