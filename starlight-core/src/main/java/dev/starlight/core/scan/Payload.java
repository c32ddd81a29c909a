package dev.starlight.core.scan;

import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Utf8;
import java.util.Base64;

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
        return of(extraction.payload());
    }

    public static Payload of(byte[] message) {
        String text = Utf8.decodeStrict(message).orElse(null);
        return new Payload(message.length, text, Base64.getEncoder().encodeToString(message),
                text != null ? "utf-8" : "binary");
    }
}
