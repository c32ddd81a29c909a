package dev.starlight.core.protocol;

/**
 * A sequence of samples whose least significant bits carry a message: sample {@code k} is
 * {@code planes[k % n][k / n]}, so one plane gives row-major pixels (alpha, palette indices) and three planes
 * give R0 G0 B0 R1 G1 B1 ... (lsb.rgb).
 */
final class LsbCarrier {
    private final int[][] planes;
    private final int length;

    LsbCarrier(int[]... planes) {
        this.planes = planes;
        this.length = planes[0].length * planes.length;
    }

    /** Number of bits the carrier holds. */
    int bits() {
        return length;
    }

    int capacityBytes() {
        return length / 8;
    }

    /**
     * Reads bytes from bit {@code startBit} until a 0x00 byte (not included) or until {@code maxBytes} or the
     * end of the carrier. Returns null when no terminator was found.
     */
    byte[] readUntilNul(int startBit, BitOrder order, int maxBytes) {
        int n = planes.length;
        byte[] buffer = new byte[Math.min(maxBytes, Math.max(0, (length - startBit) / 8))];
        int count = 0;
        int k = startBit;
        while (count < buffer.length) {
            int value = 0;
            for (int b = 0; b < 8; b++, k++) {
                int bit = planes[k % n][k / n] & 1;
                value |= order == BitOrder.LSB_FIRST ? bit << b : bit << (7 - b);
            }
            if (value == 0) {
                byte[] out = new byte[count];
                System.arraycopy(buffer, 0, out, 0, count);
                return out;
            }
            buffer[count++] = (byte) value;
        }
        return null;
    }

    /** Reads {@code count} bytes from bit {@code startBit}; null when the carrier is shorter. */
    byte[] read(int startBit, BitOrder order, int count) {
        if (startBit + (long) count * 8 > length) {
            return null;
        }
        int n = planes.length;
        byte[] out = new byte[count];
        int k = startBit;
        for (int i = 0; i < count; i++) {
            int value = 0;
            for (int b = 0; b < 8; b++, k++) {
                int bit = planes[k % n][k / n] & 1;
                value |= order == BitOrder.LSB_FIRST ? bit << b : bit << (7 - b);
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** Writes {@code data} into the LSBs from bit 0 (the planes are changed in place). */
    void write(byte[] data, BitOrder order) {
        int n = planes.length;
        int k = 0;
        for (byte d : data) {
            for (int b = 0; b < 8; b++, k++) {
                int[] plane = planes[k % n];
                int i = k / n;
                plane[i] = (plane[i] & ~1) | order.bit(d & 0xFF, b);
            }
        }
    }
}
