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
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets the model's operating point on the validation split: the image score (largest tile logit, as the detector
 * combines tiles) above which an image is stego, chosen so that in every family of validation clean images (the
 * covers, each kind of clean variant made to tempt a detector, each clean family of the zoo) at most
 * {@code targetFpr} score above it, plus a margin, because the validation split is small and unseen covers vary
 * more. The threshold is the highest of the families' quantiles: a family of ordinary images the model finds
 * hard sets the point, instead of drowning in the easy ones.
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
        Map<String, List<Double>> families = new TreeMap<>();
        try (OnnxModel model = OnnxModel.load(onnx)) {
            for (LabelledImage image : validation) {
                Double score = imageLogit(model, image);
                if (score != null) {
                    (image.stego() ? stego : clean).add(score);
                    if (!image.stego()) {
                        families.computeIfAbsent(image.group(), g -> new ArrayList<>()).add(score);
                    }
                }
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the validation split has no clean image to set the operating point");
        }
        double quantile = Double.NEGATIVE_INFINITY;
        for (List<Double> family : families.values()) {
            quantile = Math.max(quantile, quantile(family, targetFpr));
        }
        double threshold = quantile + MARGIN;
        double[] sorted = clean.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new OperatingPoint(threshold, fractionAtOrAbove(sorted, threshold),
                fractionAtOrAbove(stego.stream().mapToDouble(Double::doubleValue).toArray(), threshold),
                clean.size(), stego.size());
    }

    /** The score that at most {@code share} of the scores exceed. */
    private static double quantile(List<Double> scores, double share) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(share * sorted.length);
        return sorted[sorted.length - 1 - Math.min(allowed, sorted.length - 1)];
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
