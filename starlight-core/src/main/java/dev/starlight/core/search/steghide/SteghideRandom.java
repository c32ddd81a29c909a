package dev.starlight.core.search.steghide;

/**
 * steghide's pseudo-random source: a linear congruential generator modulo 2^32 (multiplier 1367208549,
 * increment 1) whose state, read as a fraction of 2^32, is scaled to the range asked for. The scaling is done in
 * double precision exactly as steghide does it, so that every draw lands on the same sample.
 */
final class SteghideRandom {
    static final int A = 1367208549;
    static final int C = 1;
    private static final double TWO_TO_MINUS_32 = 1.0 / 4294967296.0;

    private int state;

    SteghideRandom(int seed) {
        this.state = seed;
    }

    /** The next value in {@code 0 .. n-1}. */
    int next(int n) {
        state = state * A + C;
        return scale(state, n);
    }

    /** {@code floor(n * (state / 2^32))} with steghide's double rounding. */
    static int scale(int state, int n) {
        return (int) ((double) n * ((double) Integer.toUnsignedLong(state) * TWO_TO_MINUS_32));
    }

    /**
     * {@link #scale} in integer arithmetic: the exact {@code floor(state * n / 2^32)}, which is what the double
     * product gives unless the exact product lies just under an integer and rounds up to it (its error is at most
     * half a unit in the 53rd bit, under 2^-22 here); those rare products take the double path.
     */
    static int scaleFast(int state, int n) {
        long p = Integer.toUnsignedLong(state) * n;
        if ((p & 0xFFFF_FFFFL) >= 0xFFFF_F000L) {
            return scale(state, n);
        }
        return (int) (p >>> 32);
    }
}
