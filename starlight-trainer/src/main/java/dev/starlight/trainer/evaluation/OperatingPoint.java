package dev.starlight.trainer.evaluation;

import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets the model's operating point on the validation split: the image score (largest tile logit, as the detector
 * combines tiles) above which an image is stego, chosen so that at most {@code targetFpr} of the validation clean
 * images (covers and the clean variants made to tempt a detector) score above it, plus a margin, because the
 * validation split is small and unseen covers vary more.
 *
 * @param threshold     the logit threshold
 * @param validationFpr fraction of validation clean images at or above it
 * @param validationTpr fraction of validation stego images at or above it
 * @param clean         validation clean images scored
 * @param stego         validation stego images scored
 */
public record OperatingPoint(double threshold, double validationFpr, double validationTpr, int clean, int stego) {
    /** Logits added above the chosen clean quantile. */
    public static final double MARGIN = 0.25;

    public static OperatingPoint choose(byte[] onnx, List<LabelledImage> validation, double targetFpr) {
        List<Double> clean = new ArrayList<>();
        List<Double> stego = new ArrayList<>();
        try (OnnxModel model = OnnxModel.load(onnx)) {
            for (LabelledImage image : validation) {
                Double score = imageLogit(model, image);
                if (score != null) {
                    (image.stego() ? stego : clean).add(score);
                }
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the validation split has no clean image to set the operating point");
        }
        double[] sorted = clean.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(targetFpr * sorted.length);
        double threshold = sorted[sorted.length - 1 - Math.min(allowed, sorted.length - 1)] + MARGIN;
        return new OperatingPoint(threshold, fractionAtOrAbove(sorted, threshold),
                fractionAtOrAbove(stego.stream().mapToDouble(Double::doubleValue).toArray(), threshold),
                clean.size(), stego.size());
    }

    /** The image's score: the logit of its most stego-looking tile; null when it cannot be decoded. */
    static Double imageLogit(OnnxModel model, LabelledImage image) {
        try {
            ModelPrediction p = model.predict(ImageCodecs.decode(Files.readAllBytes(image.file())));
            double max = Arrays.stream(p.tileProbabilities()).max().orElse(0);
            return logit(max);
        } catch (StarlightException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return Math.log(q / (1 - q));
    }

    private static double fractionAtOrAbove(double[] scores, double threshold) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(scores).filter(s -> s >= threshold).count() / (double) scores.length;
    }
}
