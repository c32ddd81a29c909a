package dev.starlight.core.explain;

/**
 * How much the model's verdict on one image rests on one input stream.
 *
 * @param stream       the stream's name ({@code pixels}, {@code lsb}, ...)
 * @param ablatedLogit the image's stego logit (largest tile logit) with the stream at its neutral value everywhere
 * @param logitChange  {@code ablatedLogit - imageLogit}: negative when the stream pushed the image towards stego
 * @param gate         the model's gate value for the stream averaged over tiles, or null when it has no gate output
 */
public record StreamImportance(String stream, double ablatedLogit, double logitChange, Double gate) {
}
