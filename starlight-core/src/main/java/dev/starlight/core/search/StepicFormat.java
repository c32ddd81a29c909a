package dev.starlight.core.search;

/**
 * stepic (Debian package {@code stepic}): each byte takes three pixels, R G B of each in turn, row-major: the
 * LSBs of the first eight samples are the byte, bit 7 first, and the ninth sample's LSB is 1 on the last byte and
 * 0 before it. Read without the stepic code: from its description and from files it wrote.
 */
final class StepicFormat {
    static final String NAME = "stepic";
    /** Shortest stepic text taken: the stop bit that must agree adds little evidence to a short text. */
    static final int MIN_TEXT = 8;

    private StepicFormat() {
    }

    /** @param rgb the {@code b1,rgb,xy,msb-first} stream of the image */
    static StreamRecogniser.Found read(LayoutBits rgb) {
        long groups = rgb.length() / 9;
        CarrierBytes bytes = new CarrierBytes() {
            @Override
            int length() {
                return (int) Math.min(Integer.MAX_VALUE, groups);
            }

            @Override
            protected int compute(int i) {
                return rgb.byteAt(9L * i);
            }
        };
        boolean structure = EmbeddedStructure.startsOne(bytes, 0);
        TextRun run = new TextRun(bytes);
        int n = 0;
        while (true) {
            int b = bytes.at(n);
            if (b < 0) {
                return null;
            }
            if (!structure && !run.accept(b)) {
                return null;
            }
            n++;
            if (rgb.bit(9L * n - 1) == 1) {
                break;
            }
        }
        if (structure) {
            return StreamRecogniser.body(bytes, 0, n, "stop bit after byte " + n);
        }
        byte[] payload = bytes.range(0, n);
        double score = TextTest.score(payload, MIN_TEXT);
        return score > 0 ? new StreamRecogniser.Found(payload, "text, stop bit after byte " + n, score) : null;
    }
}
