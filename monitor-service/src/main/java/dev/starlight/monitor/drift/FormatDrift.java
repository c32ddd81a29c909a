package dev.starlight.monitor.drift;

import java.util.Arrays;

/**
 * Scores of one model version on one format: the first {@code referenceSize} make the reference, the rest go to a
 * ring of the latest chunk-size live scores. Not thread-safe.
 */
final class FormatDrift {
    private final String model;
    private final String format;
    private final int chunks;
    private final int bins;
    private final double safetyFactor;
    private final double[] refScores;
    private final boolean[] refStego;
    private int refCount;
    private Reference reference;
    private double[] liveScores;
    private boolean[] liveStego;
    private long[] liveTimes;
    private int liveNext;
    private int liveCount;

    FormatDrift(String model, String format, int referenceSize, int chunks, int bins, double safetyFactor) {
        this.model = model;
        this.format = format;
        this.chunks = chunks;
        this.bins = bins;
        this.safetyFactor = safetyFactor;
        this.refScores = new double[referenceSize];
        this.refStego = new boolean[referenceSize];
    }

    void add(double score, boolean stego, long timestampMs) {
        if (reference == null) {
            refScores[refCount] = score;
            refStego[refCount] = stego;
            if (++refCount == refScores.length) {
                reference = Reference.learn(refScores, refStego, chunks, bins, safetyFactor);
                int m = reference.chunkSize();
                liveScores = new double[m];
                liveStego = new boolean[m];
                liveTimes = new long[m];
            }
            return;
        }
        liveScores[liveNext] = score;
        liveStego[liveNext] = stego;
        liveTimes[liveNext] = timestampMs;
        liveNext = (liveNext + 1) % liveScores.length;
        liveCount = Math.min(liveCount + 1, liveScores.length);
    }

    Reference reference() {
        return reference;
    }

    int referenceCount() {
        return refCount;
    }

    /** Compares the latest chunk of live scores, if all of them are younger than {@code windowMs}. */
    DriftCheck check(long nowMs, long windowMs) {
        if (reference == null) {
            return new DriftCheck(model, format, DriftCheck.State.LEARNING, refCount, 0, null, null, null, null,
                    null, null);
        }
        int m = liveScores.length;
        long recent = Arrays.stream(liveTimes, 0, liveCount).filter(t -> t > nowMs - windowMs).count();
        if (liveCount < m || recent < m) {
            return new DriftCheck(model, format, DriftCheck.State.WAITING, refCount, (int) recent, null,
                    reference.psiThreshold(), reference.stegoRate(), null, reference.rateThreshold(), null);
        }
        double psi = Psi.index(reference.scores(), liveScores, reference.edges());
        int stego = 0;
        for (boolean s : liveStego) {
            stego += s ? 1 : 0;
        }
        double rate = (double) stego / m;
        String reason = null;
        if (psi > reference.psiThreshold()) {
            reason = String.format(java.util.Locale.ROOT, "score distribution moved: PSI %.4f > %.4f", psi,
                    reference.psiThreshold());
        } else if (Math.abs(rate - reference.stegoRate()) > reference.rateThreshold()) {
            reason = String.format(java.util.Locale.ROOT, "stego rate moved: %.4f vs reference %.4f (limit ±%.4f)",
                    rate, reference.stegoRate(), reference.rateThreshold());
        }
        return new DriftCheck(model, format, reason == null ? DriftCheck.State.STABLE : DriftCheck.State.DRIFT,
                refCount, m, psi, reference.psiThreshold(), reference.stegoRate(), rate, reference.rateThreshold(),
                reason);
    }
}
