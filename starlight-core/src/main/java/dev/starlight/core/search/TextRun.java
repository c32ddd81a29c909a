package dev.starlight.core.search;

/**
 * Follows a run of bytes that could still be text, one byte at a time: well-formed UTF-8 (a continuation byte only
 * where one is due), no control byte other than tab and line breaks, and no short repeating pattern
 * ({@link TextTest#periodicTail}). The low bits of a clean image break such a run within a few bytes, so reading
 * up to a terminator stays cheap.
 */
final class TextRun {
    private final CarrierBytes in;
    private int pending;
    private int length;

    TextRun(CarrierBytes in) {
        this.in = in;
    }

    /** Takes byte {@code b} (the run's next one); false when the run can no longer be text. */
    boolean accept(int b) {
        if (pending > 0) {
            if (b < 0x80 || b > 0xBF) {
                return false;
            }
            pending--;
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
        } else if (b >= 0x80 || !TextTest.plausible(b)) {
            return false;
        }
        length++;
        return length % TextTest.WINDOW != 0 || !TextTest.periodicTail(in, length);
    }
}
