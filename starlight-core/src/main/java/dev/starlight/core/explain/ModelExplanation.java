package dev.starlight.core.explain;

import java.util.List;
import java.util.Map;

/**
 * What the model made of one image and why.
 *
 * @param name             the model's name
 * @param version          the model's version
 * @param stegoProbability the image's probability (largest over tiles)
 * @param imageLogit       the image's stego logit (largest tile logit)
 * @param streams          one entry per input stream, largest |logitChange| first
 * @param gates            stream to gate value averaged over tiles; empty when the model has no gate output
 */
public record ModelExplanation(String name, String version, double stegoProbability, double imageLogit,
                               List<StreamImportance> streams, Map<String, Double> gates) {
    public ModelExplanation {
        streams = List.copyOf(streams);
        gates = Map.copyOf(gates);
    }
}
