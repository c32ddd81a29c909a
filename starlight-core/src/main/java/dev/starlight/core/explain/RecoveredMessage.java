package dev.starlight.core.explain;

import dev.starlight.core.protocol.Extraction;

/**
 * A candidate message a protocol extractor found, weak ones included.
 *
 * @param method     the protocol method
 * @param bitOrder   for LSB methods, the order that decoded it; else null
 * @param ai42       whether the AI42 marker framed it
 * @param confidence 0..1 (0.9 and above counts as a message)
 * @param lengthBytes message length
 * @param text       the message when it is valid UTF-8, else null
 * @param base64     the message bytes
 * @param detail     the extractor's account
 */
public record RecoveredMessage(String method, String bitOrder, boolean ai42, double confidence, int lengthBytes,
                               String text, String base64, String detail) {

    static RecoveredMessage of(Extraction e) {
        return new RecoveredMessage(e.method().label(), e.bitOrder() == null ? null : e.bitOrder().label(), e.ai42(),
                e.confidence(), e.payload().length, e.text().orElse(null), e.base64(), e.detail());
    }
}
