package dev.starlight.core.protocol;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.util.Optional;

/**
 * Shared by the palette and lsb.rgb methods: a message written from the first carrier bit, as
 * {@code message + 0x00} (or {@code AI42 + message + 0x00}), in either bit order.
 */
final class SequentialLsb {
    /** Confidence given to a payload framed by AI42 and terminated. */
    static final double MARKED = 0.99;

    private SequentialLsb() {
    }

    static void write(LsbCarrier carrier, byte[] message, EmbedOptions options, Method method) {
        byte[] framed = options.ai42() ? Ai42.frame(message) : Ai42.terminate(message);
        if (framed.length > carrier.capacityBytes()) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED, method.label() + ": message needs "
                    + framed.length + " bytes with framing, carrier holds " + carrier.capacityBytes());
        }
        carrier.write(framed, options.bitOrder());
    }

    /** Tries both bit orders and keeps the more convincing reading. */
    static Optional<Extraction> read(LsbCarrier carrier, Method method) {
        Extraction best = null;
        for (BitOrder order : BitOrder.values()) {
            Extraction e = read(carrier, method, order);
            if (e != null && (best == null || e.confidence() > best.confidence())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    static Extraction read(LsbCarrier carrier, Method method, BitOrder order) {
        byte[] head = carrier.read(0, order, 4);
        if (head == null) {
            return null;
        }
        if (Ai42.startsWith(head, 0)) {
            byte[] payload = carrier.readUntilNul(32, order, Integer.MAX_VALUE);
            if (payload == null) {
                return null;
            }
            payload = Ai42.dropReferenceSpace(payload);
            return new Extraction(method, order, payload, true, MARKED,
                    "AI42 marker, " + payload.length + " bytes, " + order.label());
        }
        // unmarked: cheap early rejection on the first bytes before reading to the terminator
        if (!MessageScore.plausibleStart(head)) {
            return null;
        }
        byte[] payload = carrier.readUntilNul(0, order, Integer.MAX_VALUE);
        if (payload == null) {
            return null;
        }
        double score = MessageScore.text(payload);
        if (score <= 0) {
            return null;
        }
        return new Extraction(method, order, payload, false, score,
                "text terminated by 0x00, " + payload.length + " bytes, " + order.label());
    }
}
