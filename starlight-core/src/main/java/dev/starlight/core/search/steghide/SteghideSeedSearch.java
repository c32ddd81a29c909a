package dev.starlight.core.search.steghide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Tells without the passphrase whether a JPEG holds steghide data, as StegSeek showed it can be done: steghide
 * reduces the passphrase to a 32-bit seed (its MD5 words XORed) and visits samples in an order drawn from that
 * seed, header first. So every seed is tried: the first 25 header bits (magic and version) are read with the
 * seed's draws and the seed is dropped at the first bit that differs (two bits per seed on average); a seed that
 * passes is read again exactly ({@link SteghideSelector}) and its header checked ({@link SteghideHeader}); an
 * unencrypted embedding is then read whole and kept only if its zlib stream and CRC32 check
 * ({@link SteghideMessage}).
 *
 * <p>A clean cover passes the 25 bits for about 2^7 seeds; the header's other rules then leave a chance of a false
 * claim of {@link SteghideFinding#chance()} (about 10^-4 for a 512x512 photograph), reported with every claim.
 *
 * <p>Seeds are searched in chunks by {@code threads} threads; the search stops at the first finding, when
 * {@code cancelled} says so (checked between chunks) or when the calling thread is interrupted.
 */
public final class SteghideSeedSearch {
    public static final long SEEDS = 1L << 32;
    /** Seeds a thread takes at a time; cancellation is checked between chunks (about 0.1 s each). */
    private static final long CHUNK = 1L << 22;
    private static final int BATCH = 4096;
    private static final int CHECKED_BITS = SteghideHeader.MAGIC_BITS + 1;
    private static final int[] EXPECTED = new int[CHECKED_BITS];

    static {
        for (int b = 0; b < SteghideHeader.MAGIC_BITS; b++) {
            EXPECTED[b] = (SteghideHeader.MAGIC >>> b) & 1;
        }
        EXPECTED[SteghideHeader.MAGIC_BITS] = 0;
    }

    /** How the search ended. */
    public enum Outcome { FOUND, NOT_FOUND, CANCELLED }

    /**
     * @param outcome     found, every seed tried without a finding, or stopped early
     * @param finding     the embedding found, when found
     * @param seedsTried  seeds tried (all of this search's when not found)
     * @param nanos       wall time of the search
     * @param candidates  seeds that passed the 25-bit check or drew a sample twice (each then read exactly)
     */
    public record Result(Outcome outcome, Optional<SteghideFinding> finding, long seedsTried, long nanos,
                         long candidates) {
    }

    /** Told how many seeds are done, from the searching threads (so it must be thread-safe and quick). */
    @FunctionalInterface
    public interface Progress {
        void seedsDone(long done);
    }

    private final int threads;
    private final long firstSeed;
    private final long endSeed;

    /** A search of every seed. */
    public SteghideSeedSearch(int threads) {
        this(threads, 0, SEEDS);
    }

    /**
     * A search of seeds {@code firstSeed .. endSeed-1} only (as unsigned 32-bit values): for tests, and for
     * sampling the seed space. Its "not found" covers that range alone.
     */
    public SteghideSeedSearch(int threads, long firstSeed, long endSeed) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (firstSeed < 0 || endSeed > SEEDS || firstSeed >= endSeed) {
            throw new IllegalArgumentException("seed range " + firstSeed + ".." + endSeed);
        }
        this.threads = threads;
        this.firstSeed = firstSeed;
        this.endSeed = endSeed;
    }

    /** The seeds this search covers. */
    public long seeds() {
        return endSeed - firstSeed;
    }

    /** Searches this search's seeds in chunks on its threads, up to the first finding. */
    public Result search(SteghideSamples samples, Progress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        if (samples.count() < SteghideHeader.BITS * SteghideBits.SAMPLES_PER_BIT) {
            return new Result(Outcome.NOT_FOUND, Optional.empty(), seeds(), System.nanoTime() - start, 0);
        }
        long chunks = (seeds() + CHUNK - 1) / CHUNK;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong nextChunk = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<SteghideFinding> found = new AtomicReference<>();
        AtomicLong candidates = new AtomicLong();
        Thread caller = Thread.currentThread();
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                Worker w = new Worker(samples, stop, done, found, progress);
                long c;
                while (!stop.get() && (c = nextChunk.getAndIncrement()) < chunks) {
                    long from = firstSeed + c * CHUNK;
                    w.run(from, Math.min(endSeed, from + CHUNK));
                    if (cancelled.getAsBoolean() || caller.isInterrupted()) {
                        stop.set(true);
                    }
                }
                candidates.addAndGet(w.candidates);
            }, "steghide-seeds-" + t);
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : workers) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        SteghideFinding f = found.get();
        long tried = done.get();
        Outcome outcome = f != null ? Outcome.FOUND : tried >= seeds() ? Outcome.NOT_FOUND : Outcome.CANCELLED;
        return new Result(outcome, Optional.ofNullable(f), tried, System.nanoTime() - start, candidates.get());
    }

    /** One thread's search state; the scratch array holds the samples drawn for the seed being tried. */
    private static final class Worker {
        /** The samples' parities, 64 to a long: a large photograph's fit in the caches the random draws hit. */
        private final long[] bits;
        private final int n;
        private final SteghideSamples samples;
        private final AtomicBoolean stop;
        private final AtomicLong done;
        private final AtomicReference<SteghideFinding> found;
        private final Progress progress;
        private final int[] drawn = new int[CHECKED_BITS * SteghideBits.SAMPLES_PER_BIT];
        /** The exact reader for seeds that pass {@link #passesMagic}, reused (most fail within a few bits). */
        private final SteghideBits exact;
        private final int[] kept = new int[BATCH];
        private final int[] keptState = new int[BATCH];
        private final byte[] keptTwice = new byte[BATCH];
        /** The three samples of the first bit of each kept seed. */
        private final int[] first = new int[3 * BATCH];
        long candidates;

        Worker(SteghideSamples samples, AtomicBoolean stop, AtomicLong done, AtomicReference<SteghideFinding> found,
               Progress progress) {
            this.samples = samples;
            byte[] parity = samples.parity();
            this.n = parity.length;
            this.exact = new SteghideBits(samples, 0);
            this.bits = new long[(n + 63) >>> 6];
            for (int i = 0; i < n; i++) {
                bits[i >>> 6] |= (long) parity[i] << i;
            }
            this.stop = stop;
            this.done = done;
            this.found = found;
            this.progress = progress;
        }

        void run(long from, long to) {
            for (long base = from; base < to; base += BATCH) {
                int size = (int) Math.min(BATCH, to - base);
                int survivors = firstTwoBits(base, size);
                for (int i = 0; i < survivors; i++) {
                    int seed = kept[i];
                    if (passesMagic(seed)) {
                        candidates++;
                        exact.reset(seed);
                        SteghideFinding f = SteghideHeader.read(exact) == null ? null
                                : SteghideFinding.check(samples, seed);
                        if (f != null) {
                            found.compareAndSet(null, f);
                            stop.set(true);
                            done.addAndGet(Integer.toUnsignedLong(seed) + 1 - from);
                            progress.seedsDone(done.get());
                            return;
                        }
                    }
                }
            }
            progress.seedsDone(done.addAndGet(to - from));
        }

        /**
         * The first two header bits of {@code size} seeds from {@code base}, without a branch per seed (half the
         * seeds fail each bit, which no branch predictor can guess): the seeds that pass both, or that drew a sample
         * twice (left to {@link #passesMagic}), are packed into {@link #kept} and counted.
         */
        private int firstTwoBits(long base, int size) {
            int m = 0;
            for (int i = 0; i < size; i++) {
                int seed = (int) (base + i);
                int s1 = seed * SteghideRandom.A + SteghideRandom.C;
                int s2 = s1 * SteghideRandom.A + SteghideRandom.C;
                int s3 = s2 * SteghideRandom.A + SteghideRandom.C;
                int k1 = SteghideRandom.scaleFast(s1, n);
                int k2 = 1 + SteghideRandom.scaleFast(s2, n - 1);
                int k3 = 2 + SteghideRandom.scaleFast(s3, n - 2);
                int twice = (k1 == k2 ? 1 : 0) | (k1 == k3 ? 1 : 0) | (k2 == k3 ? 1 : 0);
                int bit = (int) (bits[k1 >>> 6] >>> k1 ^ bits[k2 >>> 6] >>> k2 ^ bits[k3 >>> 6] >>> k3) & 1;
                kept[m] = seed;
                keptState[m] = s3;
                keptTwice[m] = (byte) twice;
                first[3 * m] = k1;
                first[3 * m + 1] = k2;
                first[3 * m + 2] = k3;
                m += (bit ^ EXPECTED[0] ^ 1) | twice;
            }
            int out = 0;
            for (int i = 0; i < m; i++) {
                int s4 = keptState[i] * SteghideRandom.A + SteghideRandom.C;
                int s5 = s4 * SteghideRandom.A + SteghideRandom.C;
                int s6 = s5 * SteghideRandom.A + SteghideRandom.C;
                int k4 = 3 + SteghideRandom.scaleFast(s4, n - 3);
                int k5 = 4 + SteghideRandom.scaleFast(s5, n - 4);
                int k6 = 5 + SteghideRandom.scaleFast(s6, n - 5);
                int bit = (int) (bits[k4 >>> 6] >>> k4 ^ bits[k5 >>> 6] >>> k5 ^ bits[k6 >>> 6] >>> k6) & 1;
                // a repeated draw among the six is rare: the exact check then decides
                int twice = (k4 == k5 ? 1 : 0) | (k4 == k6 ? 1 : 0) | (k5 == k6 ? 1 : 0);
                kept[out] = kept[i];
                out += (bit ^ EXPECTED[1] ^ 1) | twice | keptTwice[i] | repeatsFirstBit(i, k4, k5, k6);
            }
            return out;
        }

        /** 1 when one of the second bit's samples was drawn for the first bit of kept seed {@code i} too. */
        private int repeatsFirstBit(int i, int k4, int k5, int k6) {
            int k1 = first[3 * i];
            int k2 = first[3 * i + 1];
            int k3 = first[3 * i + 2];
            return (k4 == k1 || k4 == k2 || k4 == k3 || k5 == k1 || k5 == k2 || k5 == k3 || k6 == k1 || k6 == k2
                    || k6 == k3) ? 1 : 0;
        }

        /**
         * Whether the seed's first 25 bits are steghide's magic and version 0, with the raw draws; a draw that hits
         * a sample drawn before (where steghide's shuffle substitutes another) passes, for the exact reader to settle.
         */
        private boolean passesMagic(int seed) {
            int state = seed;
            int sample = 0;
            for (int b = 0; b < CHECKED_BITS; b++) {
                int sum = 0;
                for (int j = 0; j < SteghideBits.SAMPLES_PER_BIT; j++, sample++) {
                    state = state * SteghideRandom.A + SteghideRandom.C;
                    int k = sample + SteghideRandom.scaleFast(state, n - sample);
                    for (int q = 0; q < sample; q++) {
                        if (drawn[q] == k) {
                            return true;
                        }
                    }
                    drawn[sample] = k;
                    sum += (int) (bits[k >>> 6] >>> k) & 1;
                }
                if ((sum & 1) != EXPECTED[b]) {
                    return false;
                }
            }
            return true;
        }
    }
}
