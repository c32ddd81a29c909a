package dev.starlight.core.search.steghide;

/**
 * The bits steghide embedded with one seed, read in order: bit {@code b} is the sum of the embedded values of the
 * samples at permutation positions {@code 3b, 3b+1, 3b+2}, modulo 2 (steghide's JPEG vertices hold three samples).
 * Multi-bit values are stored least significant bit first.
 */
final class SteghideBits {
    static final int SAMPLES_PER_BIT = 3;

    private final byte[] parity;
    private final SteghideSelector selector;
    private long next;

    SteghideBits(SteghideSamples samples, int seed) {
        this.parity = samples.parity();
        this.selector = new SteghideSelector(parity.length, seed);
    }

    /** Back to the first bit, for another seed. */
    void reset(int seed) {
        selector.reset(seed);
        next = 0;
    }

    /** Bits left in the cover from the current position. */
    long remaining() {
        return parity.length / SAMPLES_PER_BIT - next;
    }

    int bit() {
        int sample = (int) (next * SAMPLES_PER_BIT);
        next++;
        return (parity[selector.get(sample)] + parity[selector.get(sample + 1)] + parity[selector.get(sample + 2)]) & 1;
    }

    /** {@code n <= 32} bits, least significant first, as an unsigned value. */
    long value(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) bit() << i;
        }
        return v;
    }
}
