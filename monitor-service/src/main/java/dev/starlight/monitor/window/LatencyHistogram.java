package dev.starlight.monitor.window;

import java.util.Arrays;

/**
 * Mergeable latency histogram over whole milliseconds: exact below 32 ms, then 16 log-linear buckets per power of
 * two (each bucket at most 1/16 wide, so a quantile read at its middle is within about 3%). Counts grow only as far
 * as the largest value seen; values are clamped to one hour.
 */
public final class LatencyHistogram {
    static final long MAX_MS = 3_600_000;
    private static final int EXACT = 32;
    private static final int SUB = 16;

    private long[] counts = new long[EXACT];
    private long total;

    static int index(long ms) {
        long v = Math.max(0, Math.min(MAX_MS, ms));
        if (v < EXACT) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v); // >= 5
        int sub = (int) ((v >>> (e - 4)) & (SUB - 1));
        return EXACT + (e - 5) * SUB + sub;
    }

    static long lower(int index) {
        if (index < EXACT) {
            return index;
        }
        int e = (index - EXACT) / SUB + 5;
        int sub = (index - EXACT) % SUB;
        return (long) (SUB + sub) << (e - 4);
    }

    public void add(long ms) {
        int i = index(ms);
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, i + 1);
        }
        counts[i]++;
        total++;
    }

    public void merge(LatencyHistogram other) {
        if (other.counts.length > counts.length) {
            counts = Arrays.copyOf(counts, other.counts.length);
        }
        for (int i = 0; i < other.counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    public long total() {
        return total;
    }

    /** The value at quantile {@code q} (0..1), in milliseconds; NaN when empty. */
    public double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i < EXACT ? i : (lower(i) + lower(i + 1) - 1) / 2.0;
            }
        }
        return lower(counts.length - 1);
    }
}
