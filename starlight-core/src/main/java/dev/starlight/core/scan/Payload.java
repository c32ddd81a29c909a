package dev.starlight.core.scan;

import dev.starlight.core.protocol.Extraction;

/**
 * The recovered message.
 *
 * @param lengthBytes length of the message in bytes
 * @param text        the message when it is valid UTF-8, else null
 * @param base64      the message bytes, always
 * @param encoding    {@code utf-8} when text is set, else {@code binary}
 */
public record Payload(int lengthBytes, String text, String base64, String encoding) {

    public static Payload of(Extraction extraction) {
        String text = extraction.text().orElse(null);
        return new Payload(extraction.payload().length, text, extraction.base64(), text != null ? "utf-8" : "binary");
    }
}
