package dev.starlight.monitor.drift;

/**
 * What one model version's scores on one format looked like when it started serving, and how far samples of chunk
 * size move by chance: the thresholds are learned by comparing each chunk of the reference with the rest.
 *
 * @param scores        the reference scores
 * @param stegoRate     share of stego verdicts in the reference
 * @param edges         PSI bin edges (the reference's quantiles)
 * @param chunkSize     live samples are this size, like the chunks the thresholds were learned on
 * @param psiThreshold  PSI above this is drift
 * @param rateThreshold a stego-rate change larger than this is drift
 */
public record Reference(double[] scores, double stegoRate, double[] edges, int chunkSize, double psiThreshold,
                        double rateThreshold) {

    /**
     * Learns the thresholds: the largest chunk-vs-rest statistic times {@code safetyFactor}, never below the noise
     * expected of a sample that size (PSI: (bins − 1)(1/m + 1/n); rate: three binomial standard errors), so a
     * reference that happens to be very uniform cannot make the threshold zero.
     */
    public static Reference learn(double[] scores, boolean[] stego, int chunks, int bins, double safetyFactor) {
        int n = scores.length;
        int m = n / chunks;
        double[] edges = Psi.edges(scores, bins);
        double[] all = Psi.shares(scores, edges);
        int stegoAll = count(stego, 0, n);
        double maxPsi = 0;
        double maxRate = 0;
        for (int c = 0; c < chunks; c++) {
            int from = c * m;
            double[] chunk = java.util.Arrays.copyOfRange(scores, from, from + m);
            double[] rest = new double[n - m];
            System.arraycopy(scores, 0, rest, 0, from);
            System.arraycopy(scores, from + m, rest, from, n - from - m);
            maxPsi = Math.max(maxPsi, Psi.index(Psi.shares(rest, edges), Psi.shares(chunk, edges)));
            int stegoChunk = count(stego, from, from + m);
            double rateChunk = (double) stegoChunk / m;
            double rateRest = (double) (stegoAll - stegoChunk) / (n - m);
            maxRate = Math.max(maxRate, Math.abs(rateChunk - rateRest));
        }
        double psiNoise = (all.length - 1) * (1.0 / m + 1.0 / n);
        double p = (stegoAll + 1.0) / (n + 2.0);
        double rateNoise = 3 * Math.sqrt(p * (1 - p) / m);
        return new Reference(scores, (double) stegoAll / n, edges, m, Math.max(maxPsi * safetyFactor, psiNoise),
                Math.max(maxRate * safetyFactor, rateNoise));
    }

    private static int count(boolean[] flags, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            k += flags[i] ? 1 : 0;
        }
        return k;
    }
}
