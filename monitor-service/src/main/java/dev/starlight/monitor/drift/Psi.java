package dev.starlight.monitor.drift;

import java.util.Arrays;

/** Population stability index between two samples, over bins cut at the reference's quantiles. */
public final class Psi {
    /** Floor for an empty bin's share, so one empty bin does not make the index infinite. */
    private static final double EPSILON = 1e-4;

    private Psi() {
    }

    /** Inner bin edges at the {@code bins} quantiles of {@code reference}, duplicates removed. */
    public static double[] edges(double[] reference, int bins) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        return Arrays.stream(java.util.stream.IntStream.range(1, bins)
                        .mapToDouble(k -> sorted[Math.min(sorted.length - 1, (int) ((long) k * sorted.length / bins))])
                        .toArray())
                .distinct().toArray();
    }

    /** Share of {@code values} in each bin: (-inf, e0], (e0, e1], ..., (e_last, inf). */
    public static double[] shares(double[] values, double[] edges) {
        double[] shares = new double[edges.length + 1];
        for (double v : values) {
            int i = Arrays.binarySearch(edges, v);
            shares[i >= 0 ? i : -i - 1]++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] = values.length == 0 ? 0 : shares[i] / values.length;
        }
        return shares;
    }

    public static double index(double[] expected, double[] actual) {
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(EPSILON, expected[i]);
            double a = Math.max(EPSILON, actual[i]);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    public static double index(double[] reference, double[] sample, double[] edges) {
        return index(shares(reference, edges), shares(sample, edges));
    }
}
