package dev.starlight.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.protocol.Extraction;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * One candidate message as {@code starlight extract} prints it: a JSON line with {@code --json}, else one text line.
 *
 * @param source      the file it came from, as given
 * @param method      protocol method label
 * @param bitOrder    lsb-first or msb-first for LSB methods, else null
 * @param ai42        whether the AI42 marker framed it
 * @param lengthBytes message length
 * @param confidence  0..1; at or above {@code Protocol.MESSAGE_THRESHOLD} it counts as a message
 * @param text        the message when it is UTF-8, else null
 * @param base64      the message bytes
 * @param savedTo     where {@code --out} wrote the bytes, else null
 */
@JsonPropertyOrder({"source", "method", "bitOrder", "ai42", "lengthBytes", "confidence", "text", "base64", "savedTo"})
record ExtractedMessage(String source, String method, String bitOrder, boolean ai42, int lengthBytes,
                        double confidence, String text, String base64, String savedTo) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ExtractedMessage of(String source, Extraction e, String savedTo) {
        return new ExtractedMessage(source, e.method().label(), e.bitOrder() == null ? null : e.bitOrder().label(),
                e.ai42(), e.payload().length, e.confidence(), e.text().orElse(null), e.base64(), savedTo);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code FILE: lsb.rgb msb-first ai42=no 5 bytes confidence 0.98 text "hello"} (text escaped onto one line). */
    String toLine() {
        return source + ": " + method + (bitOrder == null ? "" : " " + bitOrder) + " ai42=" + (ai42 ? "yes" : "no")
                + " " + lengthBytes + " bytes confidence " + String.format(Locale.ROOT, "%.2f", confidence)
                + (text != null ? " text \"" + PayloadPreview.escape(text).replace("\"", "\\\"") + "\""
                        : " base64 " + base64)
                + (savedTo == null ? "" : " -> " + savedTo);
    }
}
