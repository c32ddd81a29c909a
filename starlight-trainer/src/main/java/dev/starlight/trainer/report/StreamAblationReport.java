package dev.starlight.trainer.report;

import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.trainer.evaluation.RunFolder;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stream ablation: for each input stream, the model is run on the held-out images with that stream replaced by
 * its neutral value (all zeros) and the AUC per stego group is measured again. The loss of AUC says how much the
 * model relies on the stream for each method; a stream whose ablation costs nothing anywhere could be dropped.
 * Also the mean gate value per stream and group.
 */
public final class StreamAblationReport {
    /** An AUC loss below this is "no loss". */
    static final double NO_LOSS = 0.005;

    private StreamAblationReport() {
    }

    public static String markdown(RunFolder run, List<LabelledImage> images, String data, String command)
            throws IOException {
        try (OnnxModel model = OnnxModel.load(run.onnx())) {
            List<HeldOutScores.Item> items = HeldOutScores.items(model, images);
            Map<HeldOutScores.Item, ModelPrediction> full = new HashMap<>();
            items.forEach(i -> full.put(i, model.predict(i.inputs())));
            Map<String, Double> baseline = HeldOutScores.aucByGroup(items,
                    i -> HeldOutScores.imageLogit(full.get(i)));
            List<String> streams = model.info().inputs();
            Map<String, Map<String, Double>> ablated = new LinkedHashMap<>();
            for (String stream : streams) {
                Map<HeldOutScores.Item, Double> scores = new HashMap<>();
                items.forEach(i -> scores.put(i, HeldOutScores.imageLogit(model.predict(i.inputs().withNeutral(stream)))));
                ablated.put(stream, HeldOutScores.aucByGroup(items, scores::get));
            }
            StringBuilder out = new StringBuilder(ReportHeader.of("Stream ablation", run, data, command));
            out.append("Each column zeroes one input stream (its neutral value) on ").append(items.size())
                    .append(" held-out images and reports the model's AUC against the clean covers, as the change "
                            + "from the full model (negative: the model needs the stream for that group).\n\n");
            out.append("| stego group | full model AUC |");
            streams.forEach(s -> out.append(" without ").append(s).append(" |"));
            out.append("\n|---|---:|").append("---:|".repeat(streams.size())).append('\n');
            for (String group : baseline.keySet()) {
                out.append("| ").append(group).append(" | ").append(ReportHeader.num(baseline.get(group))).append(" |");
                for (String s : streams) {
                    out.append(' ').append(ReportHeader.signed(ablated.get(s).get(group) - baseline.get(group)))
                            .append(" |");
                }
                out.append('\n');
            }
            out.append("\nStreams whose ablation costs less than ").append(NO_LOSS)
                    .append(" AUC in every group (could be dropped with no measured loss): ");
            List<String> droppable = streams.stream().filter(s -> baseline.keySet().stream()
                    .allMatch(g -> baseline.get(g) - ablated.get(s).get(g) < NO_LOSS)).toList();
            out.append(droppable.isEmpty() ? "none" : String.join(", ", droppable)).append(".\n\n");
            out.append("Mean gate value per stream (the network's own weighting, averaged over tiles and images):\n\n");
            out.append("| group |");
            streams.forEach(s -> out.append(' ').append(s).append(" |"));
            out.append("\n|---|").append("---:|".repeat(streams.size())).append('\n');
            Map<String, double[]> gates = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (HeldOutScores.Item i : items) {
                String g = i.image().stego() ? i.image().group() : "clean (all kinds)";
                double[] sum = gates.computeIfAbsent(g, k -> new double[streams.size()]);
                Map<String, Double> gate = full.get(i).gates();
                for (int s = 0; s < streams.size(); s++) {
                    sum[s] += gate.getOrDefault(streams.get(s), Double.NaN);
                }
                counts.merge(g, 1, Integer::sum);
            }
            gates.forEach((g, sum) -> {
                out.append("| ").append(g).append(" |");
                for (double v : sum) {
                    out.append(' ').append(ReportHeader.num(v / counts.get(g))).append(" |");
                }
                out.append('\n');
            });
            return out.toString();
        }
    }
}
