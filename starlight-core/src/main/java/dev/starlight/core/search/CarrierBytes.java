package dev.starlight.core.search;

import java.util.Arrays;

/**
 * The bytes a carrier yields, computed on demand and kept: most layouts of a clean image are rejected after their
 * first few bytes, so nothing past what a recogniser asks for is ever read.
 */
abstract class CarrierBytes {
    private byte[] cache = new byte[16];
    private int filled;

    /** How many whole bytes the carrier holds. */
    abstract int length();

    /** Computes byte {@code i}; called once per byte, in order. */
    protected abstract int compute(int i);

    /** Byte {@code i} (0..255), or -1 past the end. */
    final int at(int i) {
        if (i < 0 || i >= length()) {
            return -1;
        }
        while (filled <= i) {
            if (filled == cache.length) {
                cache = Arrays.copyOf(cache, (int) Math.min(length(), cache.length * 2L));
            }
            cache[filled] = (byte) compute(filled);
            filled++;
        }
        return cache[i] & 0xFF;
    }

    /** {@code count} bytes from {@code from}, or null when the carrier is shorter. */
    final byte[] range(int from, int count) {
        if (from < 0 || count < 0 || (long) from + count > length()) {
            return null;
        }
        if (count > 0) {
            at(from + count - 1);
        }
        return Arrays.copyOfRange(cache, from, from + count);
    }

    /** Big-endian unsigned value of {@code n} bytes at {@code from} (n ≤ 7), or -1 past the end. */
    final long bigEndian(int from, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            int b = at(from + k);
            if (b < 0) {
                return -1;
            }
            v = v << 8 | b;
        }
        return v;
    }

    /** Little-endian unsigned value of {@code n} bytes at {@code from} (n ≤ 7), or -1 past the end. */
    final long littleEndian(int from, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            int b = at(from + k);
            if (b < 0) {
                return -1;
            }
            v = v << 8 | b;
        }
        return v;
    }
}
