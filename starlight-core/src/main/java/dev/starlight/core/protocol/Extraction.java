package dev.starlight.core.protocol;

import java.util.Base64;
import java.util.Optional;

/**
 * A message recovered from an image by one method.
 *
 * @param method      which method carried it
 * @param bitOrder    for LSB methods, the order that decoded it; null for exif and raw
 * @param payload     the message bytes, without protocol framing (no AI42 marker, no terminator, no charset prefix)
 * @param ai42        whether the AI42 marker framed it
 * @param confidence  0..1: how sure we are that this is a deliberate message and not noise
 * @param detail      a short human-readable account of what was found, for the evidence list
 * @param layout      for a message found by searching layouts other than the protocol's ({@code LsbSearch}), the
 *                    method detail: the layout ({@code lsb.seq b1,bgr,xy,msb-first}) or the tool ({@code stepic});
 *                    null for the protocol methods
 */
public record Extraction(Method method, BitOrder bitOrder, byte[] payload, boolean ai42, double confidence,
                         String detail, String layout) {

    /** A protocol method's extraction (no search layout). */
    public Extraction(Method method, BitOrder bitOrder, byte[] payload, boolean ai42, double confidence,
                      String detail) {
        this(method, bitOrder, payload, ai42, confidence, detail, null);
    }

    /** The payload as text when it is valid UTF-8, else empty. */
    public Optional<String> text() {
        return Utf8.decodeStrict(payload);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(payload);
    }

    @Override
    public String toString() {
        return "Extraction[" + method.label() + (layout != null ? " " + layout : "") + (bitOrder != null ? " " + bitOrder.label() : "") + ", "
                + payload.length + " bytes, confidence " + confidence + ", " + detail + "]";
    }
}
