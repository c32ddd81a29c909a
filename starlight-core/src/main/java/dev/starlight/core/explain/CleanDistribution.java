package dev.starlight.core.explain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One detector's score on clean images.
 *
 * @param images    clean images on which the detector gave a score
 * @param quantiles the score at each of {@link CleanBaseline#levels()}, in the same order
 * @param max       the highest score on any clean image
 * @param mean      mean score
 * @param sd        standard deviation of the score
 */
@JsonPropertyOrder({"images", "quantiles", "max", "mean", "sd"})
public record CleanDistribution(int images, List<Double> quantiles, double max, double mean, double sd) {
    public CleanDistribution {
        quantiles = List.copyOf(quantiles);
    }

    /** The distribution of these scores, with quantiles at the given levels (nearest rank). */
    public static CleanDistribution of(double[] scores, List<Double> levels) {
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        List<Double> q = levels.stream().map(level -> sorted[Math.max(0, (int) Math.ceil(level * n) - 1)]).toList();
        double mean = java.util.Arrays.stream(sorted).average().orElse(0);
        double var = java.util.Arrays.stream(sorted).map(s -> (s - mean) * (s - mean)).sum() / Math.max(1, n - 1);
        return new CleanDistribution(n, q, sorted[n - 1], mean, Math.sqrt(var));
    }
}
