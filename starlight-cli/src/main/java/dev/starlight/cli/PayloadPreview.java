package dev.starlight.cli;

import dev.starlight.core.scan.Payload;

/**
 * The table's payload column: the first 40 characters of a text message, escaped so it stays on one line
 * ({@code \n}, {@code \t}, a backslash doubled, other control characters as backslash-u and four hex digits), with {@code ...} when cut;
 * {@code <N bytes binary>} for a message that is not UTF-8; empty when there is none.
 */
final class PayloadPreview {
    static final int MAX_CHARS = 40;

    private PayloadPreview() {
    }

    static String of(Payload payload) {
        if (payload == null) {
            return "";
        }
        if (payload.text() == null) {
            return "<" + payload.lengthBytes() + " bytes binary>";
        }
        String text = payload.text();
        int cut = text.offsetByCodePoints(0, Math.min(MAX_CHARS, text.codePointCount(0, text.length())));
        String shown = escape(text.substring(0, cut));
        return cut < text.length() ? shown + "..." : shown;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
