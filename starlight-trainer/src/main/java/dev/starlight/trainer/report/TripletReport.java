package dev.starlight.trainer.report;

import ai.djl.ndarray.NDManager;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.data.MethodLabels;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.evaluation.ShippingScore;
import dev.starlight.trainer.train.NetworkTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the triplet term changed: two runs with the same data and settings except the triplet term, compared on
 * held-out figures (from their metrics) and on the geometry of their embeddings over held-out tiles (leave-one-out
 * nearest-neighbour accuracy of the technique, and how much closer a tile is to its own class than to others).
 */
public final class TripletReport {
    /** Held-out tiles per image and images used for the embedding figures. */
    static final int TILES_PER_IMAGE = 2;
    static final int MAX_IMAGES = 600;

    private TripletReport() {
    }

    /** Embedding geometry of one run over the same held-out tiles. */
    record Geometry(int tiles, double nearestNeighbourAccuracy, double ownClassDistance, double otherClassDistance) {
    }

    public static String markdown(RunFolder with, RunFolder without, Path data, String command) throws IOException {
        Geometry g1 = geometry(with, data);
        Geometry g0 = geometry(without, data);
        StringBuilder out = new StringBuilder(ReportHeader.of("Triplet loss: what it changed", with,
                data.resolve(TrainingSetGenerator.HOLDOUT).toString(), command));
        out.append(String.format(Locale.ROOT, "Compared with `%s` (same data, seed and settings, no triplet term).%n%n",
                without.metrics().version()));
        out.append("| | with triplet | without |\n|---|---:|---:|\n");
        row(out, "final training loss (classification terms + triplet term where on)",
                with.metrics().training().finalLoss(), without.metrics().training().finalLoss(), "%.4f");
        row(out, "training time, s", with.metrics().training().seconds(), without.metrics().training().seconds(),
                "%.0f");
        row(out, "model AUC, all held-out stego vs clean covers", auc(with, Evaluator.ALL), auc(without,
                Evaluator.ALL), "%.3f");
        ShippingScore s1 = ShippingScore.of(with.metrics());
        ShippingScore s0 = ShippingScore.of(without.metrics());
        row(out, "held-out FPR, clean covers (scanner with model)", s1.fpr(), s0.fpr(), "pct");
        row(out, "mean detection over stego groups at the operating point (scanner with model)",
                s1.meanDetection(), s0.meanDetection(), "pct");
        row(out, "embedding: leave-one-out 1-NN accuracy of the technique (held-out tiles)",
                g1.nearestNeighbourAccuracy(), g0.nearestNeighbourAccuracy(), "pct");
        row(out, "embedding: mean distance to own class / to other classes", g1.ownClassDistance()
                / g1.otherClassDistance(), g0.ownClassDistance() / g0.otherClassDistance(), "%.3f");
        out.append(String.format(Locale.ROOT, "%nEmbedding figures over %d held-out tiles (%d per image, at most %d "
                + "images).%n%n", g1.tiles(), TILES_PER_IMAGE, MAX_IMAGES));
        out.append("| stego group | detected with triplet | without | model AUC with triplet | without | AUC change |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        TreeSet<String> groups = new TreeSet<>(with.metrics().modelAuc().keySet());
        groups.addAll(without.metrics().modelAuc().keySet());
        for (String g : groups) {
            double a = auc(with, g);
            double b = auc(without, g);
            out.append("| ").append(g).append(" | ").append(ReportHeader.pct(detected(with, g))).append(" | ")
                    .append(ReportHeader.pct(detected(without, g))).append(" | ").append(ReportHeader.num(a))
                    .append(" | ").append(ReportHeader.num(b)).append(" | ").append(ReportHeader.signed(a - b))
                    .append(" |\n");
        }
        boolean keep = s1.compareTo(s0) <= 0;
        out.append(String.format(Locale.ROOT, "%nVerdict (computed by `ShippingScore`: held-out FPR first, then mean "
                + "detection at the operating point): with the triplet term the FPR is %s against %s and the mean "
                + "detection %s against %s; the model AUC over all held-out stego changes by %+.3f and the "
                + "technique's nearest-neighbour accuracy by %+.1f points. The triplet term %s.%n",
                ReportHeader.pct(s1.fpr()), ReportHeader.pct(s0.fpr()), ReportHeader.pct(s1.meanDetection()),
                ReportHeader.pct(s0.meanDetection()), auc(with, Evaluator.ALL) - auc(without, Evaluator.ALL),
                100 * (g1.nearestNeighbourAccuracy() - g0.nearestNeighbourAccuracy()),
                keep ? "stays in the default training" : "does not help here and should be dropped"));
        return out.toString();
    }

    private static double auc(RunFolder run, String group) {
        return run.metrics().modelAuc().getOrDefault(group, Double.NaN);
    }

    private static double detected(RunFolder run, String group) {
        return run.metrics().withModel().stego().stream()
                .filter(r -> r.group().equals(group) && r.format().equals(Evaluator.ALL))
                .mapToDouble(r -> r.detectionRate()).findFirst().orElse(Double.NaN);
    }

    private static void row(StringBuilder out, String label, double a, double b, String format) {
        String fa = format.equals("pct") ? ReportHeader.pct(a) : String.format(Locale.ROOT, format, a);
        String fb = format.equals("pct") ? ReportHeader.pct(b) : String.format(Locale.ROOT, format, b);
        out.append("| ").append(label).append(" | ").append(fa).append(" | ").append(fb).append(" |\n");
    }

    static Geometry geometry(RunFolder run, Path data) throws IOException {
        TrainingConfig config = run.trainingConfig();
        TrainingSplit split = TrainingSplit.load(data.resolve(TrainingSetGenerator.HOLDOUT),
                new ModelInputOptions(config.tileSize(), ModelInputOptions.DEFAULT_MAX_TILES), config.streams(),
                TILES_PER_IMAGE, MAX_IMAGES, config.seed(), 2);
        List<TileSample> tiles = new ArrayList<>(split.stego());
        tiles.addAll(split.clean());
        float[][] embeddings = new float[tiles.size()][];
        try (NetworkTrainer trainer = run.loadNetwork(); NDManager m = trainer.manager().newSubManager()) {
            for (int start = 0; start < tiles.size(); start += 64) {
                TileSample[] batch = tiles.subList(start, Math.min(tiles.size(), start + 64)).toArray(TileSample[]::new);
                float[] e = trainer.predict(m, batch)[3];
                int width = e.length / batch.length;
                for (int i = 0; i < batch.length; i++) {
                    embeddings[start + i] = java.util.Arrays.copyOfRange(e, i * width, (i + 1) * width);
                }
            }
        }
        int correct = 0;
        double own = 0;
        double other = 0;
        long ownPairs = 0;
        long otherPairs = 0;
        for (int i = 0; i < tiles.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            int bestClass = -1;
            for (int j = 0; j < tiles.size(); j++) {
                if (i == j) {
                    continue;
                }
                double d = distance(embeddings[i], embeddings[j]);
                if (d < best) {
                    best = d;
                    bestClass = tiles.get(j).tripletClass();
                }
                if (tiles.get(i).tripletClass() == tiles.get(j).tripletClass()) {
                    own += d;
                    ownPairs++;
                } else {
                    other += d;
                    otherPairs++;
                }
            }
            if (bestClass == tiles.get(i).tripletClass()) {
                correct++;
            }
        }
        return new Geometry(tiles.size(), correct / (double) Math.max(1, tiles.size()),
                own / Math.max(1, ownPairs), other / Math.max(1, otherPairs));
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** For the report's reader: the technique labels the classes stand for. */
    static List<String> classes() {
        List<String> out = new ArrayList<>(List.of("clean"));
        out.addAll(MethodLabels.ALL);
        return out;
    }
}
