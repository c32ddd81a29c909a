package dev.starlight.core.protocol;

/**
 * Choices an embedder makes.
 *
 * @param bitOrder for palette and lsb.rgb (alpha is always lsb-first by the protocol)
 * @param ai42     frame the message with the AI42 marker (alpha always does; raw and the LSB methods may)
 */
public record EmbedOptions(BitOrder bitOrder, boolean ai42) {
    public static final EmbedOptions DEFAULT = new EmbedOptions(BitOrder.LSB_FIRST, false);

    public EmbedOptions {
        bitOrder = bitOrder == null ? BitOrder.LSB_FIRST : bitOrder;
    }
}
