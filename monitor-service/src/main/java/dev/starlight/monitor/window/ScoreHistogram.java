package dev.starlight.monitor.window;

/** Stego probabilities in {@value #BINS} equal bins over [0, 1]. */
public final class ScoreHistogram {
    public static final int BINS = 20;

    private ScoreHistogram() {
    }

    public static int bin(double score) {
        return Math.min(BINS - 1, Math.max(0, (int) (score * BINS)));
    }
}
