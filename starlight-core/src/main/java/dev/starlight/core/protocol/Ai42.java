package dev.starlight.core.protocol;

import java.nio.charset.StandardCharsets;

/** The AI42 marker that frames protocol messages: {@code AI42} + message + {@code 0x00}. */
final class Ai42 {
    static final byte[] MARKER = "AI42".getBytes(StandardCharsets.US_ASCII);

    private Ai42() {
    }

    static boolean startsWith(byte[] data, int offset) {
        if (data == null || data.length - offset < MARKER.length) {
            return false;
        }
        for (int i = 0; i < MARKER.length; i++) {
            if (data[offset + i] != MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    /** AI42 + message + 0x00. */
    static byte[] frame(byte[] message) {
        byte[] out = new byte[MARKER.length + message.length + 1];
        System.arraycopy(MARKER, 0, out, 0, MARKER.length);
        System.arraycopy(message, 0, out, MARKER.length, message.length);
        return out;
    }

    /** message + 0x00. */
    static byte[] terminate(byte[] message) {
        byte[] out = new byte[message.length + 1];
        System.arraycopy(message, 0, out, 0, message.length);
        return out;
    }

    /**
     * The reference sample generator writes {@code AI42 + message + 0x20 0x00}: a space before the terminator
     * that is not part of the message. Drops that one space.
     */
    static byte[] dropReferenceSpace(byte[] payload) {
        if (payload.length > 0 && payload[payload.length - 1] == 0x20) {
            byte[] out = new byte[payload.length - 1];
            System.arraycopy(payload, 0, out, 0, out.length);
            return out;
        }
        return payload;
    }
}
