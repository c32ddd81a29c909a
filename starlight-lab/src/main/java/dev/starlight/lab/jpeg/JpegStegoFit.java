package dev.starlight.lab.jpeg;

import dev.starlight.core.analysis.JpegStegoFeatures;
import dev.starlight.core.analysis.JpegStegoModel;
import dev.starlight.lab.dataset.DataChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fits {@link JpegStegoModel} on a {@link JpegStegoSet}: per tool, a regression on the train split (the penalty
 * chosen on the validation split) and its operating threshold on the validation split's clean JPEGs (the zoo's JPEG
 * families, the covers and outguess's re-saved twins: at most 0.25% of every family above it, half the budget); on
 * the holdout split, which the fit never sees, which tools may decide ({@link #withinTarget}) and the figures:
 * detection per tool, message size and quality band, ranking AUC, false positives per clean family with Wilson 95%
 * bounds.
 */
public final class JpegStegoFit {
    static final String VERSION = "jpeg-stego-2";
    static final List<String> TOOLS = List.of("steghide", "outguess", "f5", "jsteg");
    private static final double[] PENALTIES = {0.1, 1, 10, 100};
    /** The false-positive budget per clean family. */
    static final double TARGET_FPR = 0.005;
    /**
     * The share of every clean validation family the thresholds spare: half the budget, so that covers from other
     * sources (the holdout's, and users') stay within it. At the full budget the held-out JPEGs of the zoo's re-saved
     * family and OutGuess's re-compressed twins went over it (docs/jpeg-evaluation.md).
     */
    static final double VALIDATION_BUDGET = TARGET_FPR / 2;
    /** The share of a tool's validation stego under its triage bar. */
    static final double TRIAGE_SHARE_LEFT_OUT = 0.1;
    /**
     * The features OutGuess's detector reads (name prefixes): the LSB flip response of the blockiness
     * ({@code LsbPairBlockiness}), blockiness, the calibrated histograms and co-occurrences, the shares of non-zero
     * and ±1 coefficients and the quality. With every feature its detector learned more of the covers' look: on the
     * validation split it found fewer OutGuess images at the same clean budget.
     */
    static final List<String> OUTGUESS_FEATURES = List.of("flip.", "d.flip.", "q*flip.", "q.low", "d.block.",
            "s.block.", "d.h", "s.nz", "s.ones", "d.nz", "d.ones", "d.inter", "d.intra");

    /** One row of features.csv. */
    record Row(String split, String family, String tool, int quality, int width, int height, double bytes,
               double rate, String file, double[] f) {
        boolean clean() {
            return tool.equals("clean");
        }

        /** The tool label the method head learns: nsF5 counts as F5. */
        String toolLabel() {
            return tool.equals("nsf5") ? "f5" : tool;
        }
    }

    /** The fit and its report (Markdown). */
    public record Outcome(JpegStegoModel model, String report) {
    }

    private JpegStegoFit() {
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(",");
        int first = JpegStegoSet.HEADER.split(",").length;
        List<String> names = Arrays.asList(head).subList(first, head.length);
        if (!names.equals(JpegStegoFeatures.NAMES)) {
            throw new IllegalArgumentException(csv + " was made for other features: make the set again");
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double[] f = new double[c.length - first];
            for (int i = 0; i < f.length; i++) {
                f[i] = Double.parseDouble(c[first + i]);
            }
            rows.add(new Row(c[0], c[1], c[2], Integer.parseInt(c[3]), Integer.parseInt(c[4]),
                    Integer.parseInt(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]), c[8], f));
        }
        return rows;
    }

    public static Outcome fit(Path setDir, String command, long seed) throws IOException {
        List<Row> rows = read(setDir.resolve("features.csv"));
        List<Row> train = rows.stream().filter(r -> r.split().equals("train")).toList();
        List<Row> validation = rows.stream().filter(r -> r.split().equals("validation")).toList();
        List<Row> holdout = rows.stream().filter(r -> r.split().equals("holdout")).toList();
        int d = JpegStegoFeatures.NAMES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (Row r : train) {
            for (int j = 0; j < d; j++) {
                mean[j] += r.f()[j] / train.size();
            }
        }
        for (Row r : train) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.pow(r.f()[j] - mean[j], 2) / train.size();
            }
        }
        for (int j = 0; j < d; j++) {
            // a feature constant on the training data gets weight 0 anyway; scale 1 keeps others' outliers finite
            scale[j] = Math.sqrt(scale[j]) > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] x = standardised(train, mean, scale);
        double[][] xv = standardised(validation, mean, scale);
        Map<String, JpegStegoModel.Linear> detectors = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Map<String, Double> triage = new LinkedHashMap<>();
        List<String> penalties = new ArrayList<>();
        for (String tool : TOOLS) {
            boolean[] used = featuresOf(tool);
            JpegStegoModel.Linear best = null;
            double bestThreshold = 1;
            double bestScore = -1;
            double bestPenalty = 0;
            for (double penalty : PENALTIES) {
                JpegStegoModel.Linear m = toolAgainstClean(train, x, tool, penalty, used);
                double t = threshold(m, validation, xv, VALIDATION_BUDGET);
                double detected = 0;
                int n = 0;
                for (int i = 0; i < validation.size(); i++) {
                    if (!validation.get(i).clean() && validation.get(i).toolLabel().equals(tool)) {
                        n++;
                        detected += m.apply(xv[i]) >= t ? 1 : 0;
                    }
                }
                double score = n == 0 ? 0 : detected / n;
                if (score > bestScore) {
                    bestScore = score;
                    best = m;
                    bestThreshold = t;
                    bestPenalty = penalty;
                }
            }
            detectors.put(tool, best);
            thresholds.put(tool, bestThreshold);
            triage.put(tool, triageBar(best, validation, xv, tool));
            penalties.add(tool + " " + bestPenalty);
        }
        List<Integer> stegoIdx = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (!train.get(i).clean()) {
                stegoIdx.add(i);
            }
        }
        double[][] xs = new double[stegoIdx.size()][];
        double[] rates = new double[stegoIdx.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x[stegoIdx.get(i)];
            // steghide and outguess also embed in chroma, so a smooth luma can carry more than 1 bit per non-zero AC
            // coefficient; the estimate is fitted and reported up to 1
            rates[i] = Math.min(1, train.get(stegoIdx.get(i)).rate());
        }
        JpegStegoModel.Linear rate = LinearFits.ridge(xs, rates, 10);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", command);
        provenance.put("dataSha256", dataChecksum(setDir));
        provenance.put("date", Instant.now().toString());
        provenance.put("seed", Long.toString(seed));
        provenance.put("rows", "train " + train.size() + ", validation " + validation.size() + ", holdout "
                + holdout.size());
        provenance.put("zooRows", "train " + zooRows(train) + ", validation " + zooRows(validation) + ", holdout "
                + zooRows(holdout) + " (the clean zoo's JPEG families)");
        provenance.put("penalty", String.join(", ", penalties));
        provenance.put("features", "outguess: " + String.join(" ", OUTGUESS_FEATURES) + "; the others: all");
        provenance.put("threshold", String.format(Locale.ROOT, "per tool, above all but %.2f%% of every clean "
                + "family of the validation split (%d images; a family under %d images: above all of it)",
                100 * VALIDATION_BUDGET, validation.stream().filter(Row::clean).count(),
                Math.round(1 / VALIDATION_BUDGET)));
        JpegStegoModel all = new JpegStegoModel(VERSION, provenance, JpegStegoFeatures.NAMES, mean, scale,
                detectors, thresholds, TOOLS, TARGET_FPR, triage, rate);
        List<String> deciding = TOOLS.stream().filter(t -> withinTarget(all, holdout, t)).toList();
        provenance.put("deciding", deciding.isEmpty() ? "none" : String.join(" ", deciding));
        JpegStegoModel model = new JpegStegoModel(VERSION, provenance, JpegStegoFeatures.NAMES, mean, scale,
                detectors, thresholds, deciding, TARGET_FPR, triage, rate);
        Report report = new Report(model, holdout);
        provenance.put("holdout", report.summary());
        return new Outcome(model, report.markdown());
    }

    /**
     * The gate for one tool: on the holdout split its detector calls at most the target share of all clean images
     * stego, and of every clean family at most that share, rounded down, or one image in a family too small to show
     * the share (under 1 / target images). The holdout never moves a threshold.
     */
    static boolean withinTarget(JpegStegoModel model, List<Row> holdout, String tool) {
        Map<String, long[]> families = new TreeMap<>(); // per family: images, false positives
        for (Row r : holdout) {
            if (r.clean()) {
                long[] c = families.computeIfAbsent(r.family(), k -> new long[2]);
                c[0]++;
                c[1] += model.classify(r.f()).scores().get(tool) >= 0.5 ? 1 : 0;
            }
        }
        long n = families.values().stream().mapToLong(c -> c[0]).sum();
        long fp = families.values().stream().mapToLong(c -> c[1]).sum();
        double target = model.targetFpr();
        return n > 0 && fp <= target * n
                && families.values().stream().allMatch(c -> c[1] <= Math.max(1, Math.floor(target * c[0])));
    }

    private static long zooRows(List<Row> rows) {
        return rows.stream().filter(r -> r.family().startsWith("zoo-")).count();
    }

    /** Which features a tool's detector reads: OutGuess's a few ({@link #OUTGUESS_FEATURES}), the others all. */
    static boolean[] featuresOf(String tool) {
        List<String> names = JpegStegoFeatures.NAMES;
        boolean[] used = new boolean[names.size()];
        for (int j = 0; j < used.length; j++) {
            String name = names.get(j);
            used[j] = !tool.equals("outguess") || OUTGUESS_FEATURES.stream().anyMatch(name::startsWith);
        }
        return used;
    }

    /** DataChecksum over the set's files, leaving out the report a previous fit wrote there. */
    static String dataChecksum(Path setDir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(setDir)) {
            return DataChecksum.of(setDir, walk.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(setDir.resolve("report.md"))).toList());
        }
    }

    /**
     * One tool's stego (F5 with nsF5) against every clean image of the train split, the two weighted equally, on the
     * features {@code used} (the others get weight 0).
     */
    private static JpegStegoModel.Linear toolAgainstClean(List<Row> train, double[][] x, String tool,
                                                          double penalty, boolean[] used) {
        int[] cols = IntStream.range(0, used.length).filter(j -> used[j]).toArray();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        long pos = 0;
        for (int i = 0; i < train.size(); i++) {
            Row r = train.get(i);
            if (r.clean() || r.toolLabel().equals(tool)) {
                double[] sub = new double[cols.length];
                for (int k = 0; k < cols.length; k++) {
                    sub[k] = x[i][cols[k]];
                }
                xs.add(sub);
                ys.add(r.clean() ? 0 : 1);
                pos += r.clean() ? 0 : 1;
            }
        }
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = y[i] == 1 ? 0.5 * y.length / pos : 0.5 * y.length / (y.length - pos);
        }
        JpegStegoModel.Linear fit = LinearFits.logistic(xs.toArray(double[][]::new), y, w, penalty);
        double[] weights = new double[used.length];
        for (int k = 0; k < cols.length; k++) {
            weights[cols[k]] = fit.weights()[k];
        }
        return new JpegStegoModel.Linear(weights, fit.bias());
    }

    /**
     * The logit just above those of all but {@code targetFpr} of every clean family of the validation split (a
     * family under 1 / targetFpr images: above all of it), so that no family is called stego more often than the
     * budget on this split.
     */
    static double threshold(JpegStegoModel.Linear m, List<Row> validation, double[][] xv, double targetFpr) {
        Map<String, List<Double>> families = new TreeMap<>();
        for (int i = 0; i < validation.size(); i++) {
            if (validation.get(i).clean()) {
                families.computeIfAbsent(validation.get(i).family(), k -> new ArrayList<>())
                        .add(m.apply(xv[i]));
            }
        }
        double most = Double.NEGATIVE_INFINITY;
        for (List<Double> logits : families.values()) {
            logits.sort(Comparator.reverseOrder());
            int spared = (int) Math.floor(targetFpr * logits.size());
            most = Math.max(most, logits.get(Math.min(spared, logits.size() - 1)));
        }
        return Math.nextUp(most);
    }

    /** The logit of {@code m} that 90% of {@code tool}'s stego in the validation split reach (the 10th percentile). */
    static double triageBar(JpegStegoModel.Linear m, List<Row> validation, double[][] xv, String tool) {
        List<Double> logits = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            if (!validation.get(i).clean() && validation.get(i).toolLabel().equals(tool)) {
                logits.add(m.apply(xv[i]));
            }
        }
        if (logits.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        logits.sort(Comparator.naturalOrder());
        return logits.get((int) Math.floor(TRIAGE_SHARE_LEFT_OUT * logits.size()));
    }

    static double[][] standardised(List<Row> rows, double[] mean, double[] scale) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            double[] f = rows.get(i).f();
            x[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                double z = (f[j] - mean[j]) / scale[j];
                x[i][j] = Math.max(-JpegStegoModel.CLIP, Math.min(JpegStegoModel.CLIP, z));
            }
        }
        return x;
    }

    /** The held-out figures. */
    static final class Report {
        private final List<Row> rows;
        private final List<JpegStegoModel.Result> results = new ArrayList<>();
        private final StringBuilder md = new StringBuilder();
        private String summary = "";

        Report(JpegStegoModel model, List<Row> rows) {
            this.rows = rows;
            for (Row r : rows) {
                results.add(model.classify(r.f()));
            }
            build();
        }

        String summary() {
            return summary;
        }

        String markdown() {
            return md.toString();
        }

        private void build() {
            md.append("Held-out split: ").append(rows.size()).append(" images (no source of the fit's train or ")
                    .append("validation splits).\n\n");
            md.append("| tool | message | quality | images | detected (decides) | at a tool's operating point | ")
                    .append("AUC of its tool's detector against its covers | method named | ")
                    .append("rate estimate (mean, true) |\n|---|---|---|---:|---:|---:|---:|---:|---|\n");
            List<String> summaryParts = new ArrayList<>();
            for (String tool : List.of("steghide", "outguess", "f5", "nsf5", "jsteg")) {
                Map<String, List<Integer>> byCondition = new TreeMap<>();
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    if (r.tool().equals(tool)) {
                        byCondition.computeIfAbsent(condition(r), k -> new ArrayList<>()).add(i);
                    }
                }
                for (var e : byCondition.entrySet()) {
                    for (String band : List.of("all", "60-79", "80-89", "90-100")) {
                        List<Integer> idx = e.getValue().stream().filter(i -> inBand(rows.get(i).quality(), band))
                                .toList();
                        if (idx.isEmpty()) {
                            continue;
                        }
                        String coverFamily = tool.equals("outguess") ? "outguess-cover" : "cover";
                        List<Integer> covers = new ArrayList<>();
                        for (int i = 0; i < rows.size(); i++) {
                            Row r = rows.get(i);
                            if (r.clean() && r.family().equals(coverFamily) && inBand(r.quality(), band)) {
                                covers.add(i);
                            }
                        }
                        long decided = idx.stream().filter(i -> results.get(i).decided()).count();
                        long hit = idx.stream().filter(i -> results.get(i).stego()).count();
                        long named = idx.stream().filter(i -> results.get(i).stego()
                                && results.get(i).method().equals(rows.get(i).toolLabel())).count();
                        double auc = auc(idx, covers, rows.get(idx.get(0)).toolLabel());
                        double est = idx.stream().mapToDouble(i -> results.get(i).rate()).average().orElse(0);
                        double truth = idx.stream().mapToDouble(i -> rows.get(i).rate()).average().orElse(0);
                        md.append(String.format(Locale.ROOT,
                                "| %s | %s | %s | %d | %.1f%% | %.1f%% | %.3f | %s | %.3f, %.3f |%n",
                                tool, e.getKey(), band, idx.size(), 100.0 * decided / idx.size(),
                                100.0 * hit / idx.size(), auc,
                                hit == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * named / hit), est,
                                truth));
                        if (band.equals("all")) {
                            summaryParts.add(String.format(Locale.ROOT, "%s %s: %.1f%% detected (%.1f%% at its "
                                    + "operating point), AUC %.3f", tool, e.getKey(), 100.0 * decided / idx.size(),
                                    100.0 * hit / idx.size(), auc));
                        }
                    }
                }
            }
            md.append("\n| clean family | images | called stego (decides) | FPR | Wilson 95% upper | ")
                    .append("at a tool's operating point |\n|---|---:|---:|---:|---:|---:|\n");
            Map<String, long[]> fam = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.clean()) {
                    long[] c = fam.computeIfAbsent(r.family(), k -> new long[3]);
                    c[0]++;
                    c[1] += results.get(i).decided() ? 1 : 0;
                    c[2] += results.get(i).stego() ? 1 : 0;
                }
            }
            long[] all = new long[3];
            fam.forEach((k, c) -> {
                all[0] += c[0];
                all[1] += c[1];
                all[2] += c[2];
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f%% | %.2f%% | %d |%n", k, c[0], c[1],
                        100.0 * c[1] / c[0], 100 * wilsonUpper(c[1], c[0]), c[2]));
            });
            md.append(String.format(Locale.ROOT, "| all clean | %d | %d | %.2f%% | %.2f%% | %d |%n", all[0], all[1],
                    100.0 * all[1] / all[0], 100 * wilsonUpper(all[1], all[0]), all[2]));
            summaryParts.add(String.format(Locale.ROOT, "clean FPR %d/%d", all[1], all[0]));
            summary = String.join("; ", summaryParts);
        }

        private static boolean inBand(int q, String band) {
            return switch (band) {
                case "60-79" -> q < 80;
                case "80-89" -> q >= 80 && q < 90;
                case "90-100" -> q >= 90;
                default -> true;
            };
        }

        private static String condition(Row r) {
            if (r.tool().equals("steghide") || r.tool().equals("outguess")) {
                double pixels = (double) r.width() * r.height();
                long small = Math.max(8, Math.round(160.0 * pixels / 65536));
                return r.bytes() <= small + 1 ? "160 B per 256²" : "1 KiB per 512²";
            }
            return String.format(Locale.ROOT, "%.2f bpnzac", r.rate());
        }

        /** The ranking of {@code tool}'s detector score, positives against negatives. */
        private double auc(List<Integer> positives, List<Integer> negatives, String tool) {
            if (negatives.isEmpty()) {
                return Double.NaN;
            }
            double sum = 0;
            for (int p : positives) {
                double sp = results.get(p).scores().get(tool);
                for (int n : negatives) {
                    double sn = results.get(n).scores().get(tool);
                    sum += sp > sn ? 1 : sp == sn ? 0.5 : 0;
                }
            }
            return sum / ((double) positives.size() * negatives.size());
        }
    }

    /** Upper end of the Wilson score interval (95%) for k successes in n. */
    static double wilsonUpper(long k, long n) {
        if (n == 0) {
            return 1;
        }
        double z = 1.959964;
        double p = (double) k / n;
        double den = 1 + z * z / n;
        double centre = p + z * z / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return (centre + half) / den;
    }
}
