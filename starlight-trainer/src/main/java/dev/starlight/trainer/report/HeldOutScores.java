package dev.starlight.trainer.report;

import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.lab.evaluation.RocCurve;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A model's image scores (largest tile logit) over labelled images, with the streams built once per image so
 * several variants of the inputs (e.g. one stream ablated) can be scored on the same images.
 */
final class HeldOutScores {
    /** One image: its label and its model inputs. */
    record Item(LabelledImage image, ModelInputs inputs) {
    }

    private HeldOutScores() {
    }

    static List<Item> items(OnnxModel model, List<LabelledImage> images) {
        List<Item> out = new ArrayList<>();
        for (LabelledImage image : images) {
            try {
                out.add(new Item(image, ModelInputs.from(ImageCodecs.decode(Files.readAllBytes(image.file())),
                        model.inputOptions(), model.info().inputs())));
            } catch (StarlightException e) {
                // undecodable: not part of any score
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static double imageLogit(ModelPrediction p) {
        double max = 0;
        for (double t : p.tileProbabilities()) {
            max = Math.max(max, t);
        }
        double q = Math.min(1 - 1e-12, Math.max(1e-12, max));
        return Math.log(q / (1 - q));
    }

    /** AUC per stego group (and {@code all}) of the scores against the clean covers' scores. */
    static Map<String, Double> aucByGroup(List<Item> items, Function<Item, Double> score) {
        List<Double> clean = new ArrayList<>();
        Map<String, List<Double>> groups = new TreeMap<>();
        for (Item item : items) {
            double s = score.apply(item);
            if (item.image().stego()) {
                groups.computeIfAbsent(item.image().group(), g -> new ArrayList<>()).add(s);
                groups.computeIfAbsent("all", g -> new ArrayList<>()).add(s);
            } else if (EvalSet.CLEAN.equals(item.image().group())) {
                clean.add(s);
            }
        }
        double[] c = clean.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Double> out = new TreeMap<>();
        groups.forEach((g, s) -> out.put(g, c.length == 0 ? Double.NaN
                : RocCurve.auc(s.stream().mapToDouble(Double::doubleValue).toArray(), c)));
        return out;
    }
}
