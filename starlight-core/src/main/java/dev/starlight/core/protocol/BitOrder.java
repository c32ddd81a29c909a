package dev.starlight.core.protocol;

import java.util.Optional;

/** In which order the bits of each payload byte are embedded. */
public enum BitOrder {
    /** Bit 0 first: 'A' (0x41) goes in as 1,0,0,0,0,0,1,0. */
    LSB_FIRST("lsb-first"),
    /** Bit 7 first. */
    MSB_FIRST("msb-first");

    private final String label;

    BitOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bit {@code k} (0 = first embedded) of {@code value}. */
    int bit(int value, int k) {
        return this == LSB_FIRST ? (value >>> k) & 1 : (value >>> (7 - k)) & 1;
    }

    public static Optional<BitOrder> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (BitOrder o : values()) {
            if (o.label.equals(t) || o.label.replace("-first", "").equals(t)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
