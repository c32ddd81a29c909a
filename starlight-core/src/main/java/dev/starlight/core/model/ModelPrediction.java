package dev.starlight.core.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model's answer for one image.
 *
 * @param stegoProbability    the image's probability of hiding data: the <b>maximum</b> of the tile probabilities.
 *                            (Noisy-OR would grow with the tile count and flag large clean images; the maximum asks
 *                            "is there one tile that looks like stego", which stays comparable across sizes.)
 * @param methodProbabilities method label to probability (sums to 1, in label order), empty when the model has no method head: the
 *                            softmax of each tile's method logits, averaged with the tiles' stego probabilities as
 *                            weights (plain average when all are 0)
 * @param tileProbabilities   stego probability per tile, in {@link TileGrid#tiles()} order
 * @param gates               stream name to gate value averaged over tiles (in gate order), empty when the model has no gate output
 * @param modelName           the model's name
 * @param modelVersion        the model's version
 */
public record ModelPrediction(double stegoProbability, Map<String, Double> methodProbabilities,
                              double[] tileProbabilities, Map<String, Double> gates, String modelName,
                              String modelVersion) {

    public ModelPrediction {
        methodProbabilities = Collections.unmodifiableMap(new LinkedHashMap<>(methodProbabilities));
        tileProbabilities = tileProbabilities.clone();
        gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
    }

    @Override
    public double[] tileProbabilities() {
        return tileProbabilities.clone();
    }

    /**
     * The stego logit per tile, recovered from the probabilities ({@code log p - log(1 - p)}, with p kept within
     * {@code [1e-15, 1 - 1e-15]}, so exact to about |logit| 34).
     */
    public double[] tileLogits() {
        double[] out = new double[tileProbabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = logit(tileProbabilities[i]);
        }
        return out;
    }

    /** The image's stego logit as the detector combines tiles: the largest tile logit. */
    public double imageLogit() {
        double max = 0;
        for (double p : tileProbabilities) {
            max = Math.max(max, p);
        }
        return logit(max);
    }

    /** The logit of a probability, clamped as described in {@link #tileLogits()}. */
    public static double logit(double p) {
        double q = Math.min(1 - 1e-15, Math.max(1e-15, p));
        return Math.log(q) - Math.log1p(-q);
    }

    /** The most probable method label, if the model has a method head. */
    public Optional<String> topMethod() {
        return methodProbabilities.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey);
    }
}
