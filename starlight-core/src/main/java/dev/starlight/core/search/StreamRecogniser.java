package dev.starlight.core.search;

/**
 * Recognises a message at the start of a layout's byte stream, the way tools without a header of their own write
 * one: a file or compressed stream ({@link EmbeddedStructure}), text ended by 0x00, or a 32-bit length (big- or
 * little-endian) followed by exactly that much text or structure. The first bytes decide whether any of these is
 * possible, so a clean layout costs a handful of bytes.
 */
final class StreamRecogniser {
    /** Shortest 0x00-terminated text taken from a searched layout (more layouts are tried than the protocol's two). */
    static final int MIN_TERMINATED_TEXT = 12;
    /** Shortest text taken after a length header that agrees with it. */
    static final int MIN_COUNTED_TEXT = 8;
    static final double STRUCTURE_CONFIDENCE = 0.99;

    private StreamRecogniser() {
    }

    /** The message at the start of {@code in}: payload, what it is and confidence; null when none. */
    static Found read(CarrierBytes in) {
        int b0 = in.at(0);
        if (b0 < 0) {
            return null;
        }
        if (EmbeddedStructure.startsOne(in, 0)) {
            EmbeddedStructure.Match m = EmbeddedStructure.match(in, 0, in.length());
            if (m != null) {
                return new Found(in.range(0, m.length()), m.kind() + ", " + m.length() + " bytes", STRUCTURE_CONFIDENCE);
            }
        }
        Found text = terminatedText(in);
        if (text != null) {
            return text;
        }
        Found counted = counted(in, true);
        return counted != null ? counted : counted(in, false);
    }

    /** The payload, how it was recognised, and how sure. */
    record Found(byte[] payload, String what, double confidence) {
    }

    private static Found terminatedText(CarrierBytes in) {
        TextRun run = new TextRun(in);
        int n = 0;
        while (true) {
            int b = in.at(n);
            if (b < 0) {
                return null;
            }
            if (b == 0) {
                break;
            }
            if (!run.accept(b)) {
                return null;
            }
            n++;
        }
        byte[] payload = in.range(0, n);
        double score = TextTest.score(payload, MIN_TERMINATED_TEXT);
        return score > 0 ? new Found(payload, "text terminated by 0x00, " + n + " bytes", score) : null;
    }

    private static Found counted(CarrierBytes in, boolean bigEndian) {
        long length = bigEndian ? in.bigEndian(0, 4) : in.littleEndian(0, 4);
        if (length < MIN_COUNTED_TEXT || length > in.length() - 4L) {
            return null;
        }
        String header = (bigEndian ? "big" : "little") + "-endian 32-bit length";
        return body(in, 4, (int) length, header);
    }

    /** Exactly {@code length} bytes from {@code from} that are text or a structure of that length. */
    static Found body(CarrierBytes in, int from, int length, String header) {
        if (EmbeddedStructure.startsOne(in, from)) {
            EmbeddedStructure.Match m = EmbeddedStructure.match(in, from, length);
            if (m != null && m.length() == length) {
                return new Found(in.range(from, length), header + ", " + m.kind() + ", " + length + " bytes",
                        STRUCTURE_CONFIDENCE);
            }
            return null;
        }
        for (int i = 0; i < Math.min(length, 8); i++) {
            if (!TextTest.plausible(in.at(from + i))) {
                return null;
            }
        }
        byte[] payload = in.range(from, length);
        double score = payload == null ? 0 : TextTest.score(payload, MIN_COUNTED_TEXT);
        return score > 0 ? new Found(payload, header + ", text, " + length + " bytes", score) : null;
    }
}
