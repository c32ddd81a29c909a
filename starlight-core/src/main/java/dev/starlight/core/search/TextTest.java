package dev.starlight.core.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict, language-agnostic test that bytes are a written message and not the low bits of a clean image: valid
 * UTF-8 with no control characters (tab and line breaks aside), at least a quarter letters of any script, at least
 * five distinct characters, no character making up more than {@value #MAX_SHARE_PERCENT}% of them, and no short
 * repeating cycle (flat or smoothly graded regions give periodic low bits that can decode as printable bytes;
 * dithered ones give 2-bit index planes of 01 and 11 pairs, read as runs of {@code U} and {@code W} with a few
 * others: a clean dithered GIF of the zoo gave {@code UWUWWUUUUU]UUUUUUUUeUUUeYVp}, 63% {@code U}).
 *
 * <p>Chance: each random byte is printable ASCII with probability about 95/256, so {@code n} bytes pass the
 * printable part with probability about 0.37^n, 1e-5 at 12 bytes; a terminator or a length header that must agree
 * multiplies that by 1/256 or less.
 */
final class TextTest {
    /** Most that one character may make up of a text, in percent (the commonest letter of prose is about 12%). */
    static final int MAX_SHARE_PERCENT = 40;
    /** Longest cycle (in bytes) that marks periodic low bits rather than text. */
    static final int MAX_CYCLE = 8;

    private TextTest() {
    }

    /** 0 when {@code bytes} are not a message of at least {@code minBytes}; else 0.9 .. 0.99, rising with length. */
    static double score(byte[] bytes, int minBytes) {
        if (bytes.length < minBytes || isCycle(bytes)) {
            return 0.0;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return 0.0;
        }
        int letters = 0;
        int count = 0;
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int commonest = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (Character.isISOControl(cp) && cp != '\t' && cp != '\n' && cp != '\r' || cp == 0xFFFD
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.SURROGATE) {
                return 0.0;
            }
            if (Character.isLetter(cp)) {
                letters++;
            }
            commonest = Math.max(commonest, counts.merge(cp, 1, Integer::sum));
        }
        if (letters * 4 < count || counts.size() < 5 || commonest * 100 > count * MAX_SHARE_PERCENT) {
            return 0.0;
        }
        return Math.min(0.99, 1.0 - 0.8 / bytes.length);
    }

    /** False when a byte rules out text at once: a control byte other than tab or a line break, or 0xC0/0xC1/0xF5+. */
    static boolean plausible(int b) {
        return b >= 0x20 && b != 0x7F && b != 0xC0 && b != 0xC1 && b < 0xF5 || b == '\t' || b == '\n' || b == '\r';
    }

    /** Bytes of a run checked for a repeating pattern as it grows (see {@link #periodicTail}). */
    static final int WINDOW = 48;
    /** Longest period of a repeating pattern that ends a run: flat regions repeat every 1 to 12 bytes. */
    static final int MAX_WINDOW_PERIOD = 12;

    /**
     * True when the {@link #WINDOW} bytes before {@code end} repeat with a period of at most
     * {@link #MAX_WINDOW_PERIOD}: the low bits of a flat region, which can stay printable for megabytes. Checked
     * every {@code WINDOW} bytes while a run is read, so a clean image's run stops early.
     */
    static boolean periodicTail(CarrierBytes in, int end) {
        int start = end - WINDOW;
        if (start < 0) {
            return false;
        }
        for (int period = 1; period <= MAX_WINDOW_PERIOD; period++) {
            boolean cycle = true;
            for (int i = start + period; i < end && cycle; i++) {
                cycle = in.at(i) == in.at(i - period);
            }
            if (cycle) {
                return true;
            }
        }
        return false;
    }

    /** True when the bytes repeat with a period of at most {@link #MAX_CYCLE}. */
    static boolean isCycle(byte[] bytes) {
        for (int period = 1; period <= MAX_CYCLE && period < bytes.length; period++) {
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
