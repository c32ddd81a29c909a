package dev.starlight.trainer.evaluation;

import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.lab.evaluation.RocCurve;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.Scanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures an exported model on held-out images with the evaluator {@code starlight eval} uses: once with the model
 * in the scanner, once with the statistics alone (same images, same scanner otherwise), plus the AUC of the model's
 * own score per stego group and the model's inference latency.
 *
 * @param withModel      the scanner serving this model
 * @param statisticsOnly the scanner without a model
 * @param modelAuc       per stego group, the model score's AUC against the clean covers ({@code all} over groups)
 * @param p95LatencyMs   95th percentile of decode + model inference per image, milliseconds
 */
public record ModelEvaluation(EvalReport withModel, EvalReport statisticsOnly, Map<String, Double> modelAuc,
                              double p95LatencyMs) {

    public static ModelEvaluation run(byte[] onnx, String version, List<LabelledImage> images, int threads) {
        try (OnnxModel model = OnnxModel.load(onnx)) {
            Scanner with = new Scanner(ScanOptions.DEFAULT, List.of(new ModelDetector(model)), version);
            EvalReport withModel = new Evaluator(with, version, threads).evaluate(images);
            Scanner without = new Scanner(ScanOptions.DEFAULT, List.of());
            String statsVersion = Scanner.defaultVersion(dev.starlight.core.analysis.fusion.FusionModel.shipped());
            EvalReport statistics = new Evaluator(without, statsVersion, threads).evaluate(images);
            List<Double> latencies = new ArrayList<>();
            Map<String, Double> auc = modelAuc(model, images, latencies);
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p95 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1,
                    Math.ceil(0.95 * sorted.length) - 1)];
            return new ModelEvaluation(withModel, statistics, auc, p95);
        }
    }

    /** The model's own score (largest tile logit) per image, and its AUC per group against clean covers. */
    static Map<String, Double> modelAuc(OnnxModel model, List<LabelledImage> images, List<Double> latencies) {
        List<Double> clean = new ArrayList<>();
        List<Double> allStego = new ArrayList<>();
        Map<String, List<Double>> byGroup = new TreeMap<>();
        for (LabelledImage image : images) {
            long start = System.nanoTime();
            Double score = OperatingPoint.imageLogit(model, image);
            latencies.add((System.nanoTime() - start) / 1e6);
            if (score == null) {
                continue;
            }
            if (image.stego()) {
                byGroup.computeIfAbsent(image.group(), g -> new ArrayList<>()).add(score);
                allStego.add(score);
            } else if (EvalSet.CLEAN.equals(image.group())) {
                clean.add(score);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double[] c = toArray(clean);
        if (c.length == 0) {
            return out;
        }
        byGroup.forEach((group, scores) -> out.put(group, RocCurve.auc(toArray(scores), c)));
        if (!allStego.isEmpty()) {
            out.put(Evaluator.ALL, RocCurve.auc(toArray(allStego), c));
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return "ModelEvaluation" + Arrays.asList(withModel.scanner(), modelAuc);
    }
}
