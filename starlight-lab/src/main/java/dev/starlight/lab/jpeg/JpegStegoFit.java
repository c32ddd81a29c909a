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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits {@link JpegStegoModel} on a {@link JpegStegoSet}: the regressions on the train split (the penalty chosen
 * on the validation split), the operating threshold above every clean JPEG of the validation split (the zoo's JPEG
 * families, the covers and outguess's re-saved twins: no false positive there, so at most 0.5% on every family of
 * a few hundred), and the figures on the holdout split, which the fit never sees: detection per tool, message
 * size and quality band, ranking AUC, false positives per clean family with Wilson 95% bounds.
 */
public final class JpegStegoFit {
    static final List<String> TOOLS = List.of("steghide", "outguess", "f5", "jsteg");
    private static final double[] PENALTIES = {0.1, 1, 10, 100};

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
        Map<String, JpegStegoModel.Linear> best = null;
        double bestScore = -1;
        double bestPenalty = 0;
        double[][] xv = standardised(validation, mean, scale);
        for (double penalty : PENALTIES) {
            Map<String, JpegStegoModel.Linear> m = new LinkedHashMap<>();
            for (String tool : TOOLS) {
                m.put(tool, toolAgainstClean(train, x, tool, penalty));
            }
            double t = threshold(m, validation, xv);
            double detected = 0;
            int n = 0;
            for (int i = 0; i < validation.size(); i++) {
                if (!validation.get(i).clean()) {
                    n++;
                    detected += raw(m, xv[i]) >= t ? 1 : 0;
                }
            }
            double score = n == 0 ? 0 : detected / n;
            if (score > bestScore) {
                bestScore = score;
                best = m;
                bestPenalty = penalty;
            }
        }
        double threshold = threshold(best, validation, xv);
        Map<String, JpegStegoModel.Linear> tools = new LinkedHashMap<>();
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
        for (String tool : TOOLS) {
            int[] yt = new int[xs.length];
            long pos = 0;
            for (int i = 0; i < xs.length; i++) {
                yt[i] = train.get(stegoIdx.get(i)).toolLabel().equals(tool) ? 1 : 0;
                pos += yt[i];
            }
            double[] wt = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                wt[i] = yt[i] == 1 ? 0.5 * xs.length / Math.max(1, pos) : 0.5 * xs.length / Math.max(1, xs.length - pos);
            }
            tools.put(tool, LinearFits.logistic(xs, yt, wt, 1.0));
        }
        JpegStegoModel.Linear rate = LinearFits.ridge(xs, rates, 10);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", command);
        provenance.put("dataSha256", dataChecksum(setDir));
        provenance.put("date", Instant.now().toString());
        provenance.put("seed", Long.toString(seed));
        provenance.put("rows", "train " + train.size() + ", validation " + validation.size() + ", holdout "
                + holdout.size());
        provenance.put("penalty", Double.toString(bestPenalty));
        provenance.put("threshold", "above every clean JPEG of the validation split ("
                + validation.stream().filter(Row::clean).count() + " images)");
        JpegStegoModel model = new JpegStegoModel("jpeg-stego-1", provenance, JpegStegoFeatures.NAMES, mean, scale,
                best, threshold, 0.005, tools, rate);
        Report report = new Report(model, holdout);
        provenance.put("holdout", report.summary());
        provenance.put(JpegStegoModel.DECIDES, Boolean.toString(report.everyCleanFamilyWithin(model.targetFpr())));
        return new Outcome(model, report.markdown());
    }

    /** DataChecksum over the set's files, leaving out the report a previous fit wrote there. */
    static String dataChecksum(Path setDir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(setDir)) {
            return DataChecksum.of(setDir, walk.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(setDir.resolve("report.md"))).toList());
        }
    }

    /** One tool's stego (F5 with nsF5) against every clean image of the train split, the two weighted equally. */
    private static JpegStegoModel.Linear toolAgainstClean(List<Row> train, double[][] x, String tool,
                                                          double penalty) {
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        long pos = 0;
        for (int i = 0; i < train.size(); i++) {
            Row r = train.get(i);
            if (r.clean() || r.toolLabel().equals(tool)) {
                xs.add(x[i]);
                ys.add(r.clean() ? 0 : 1);
                pos += r.clean() ? 0 : 1;
            }
        }
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = y[i] == 1 ? 0.5 * y.length / pos : 0.5 * y.length / (y.length - pos);
        }
        return LinearFits.logistic(xs.toArray(double[][]::new), y, w, penalty);
    }

    private static double raw(Map<String, JpegStegoModel.Linear> m, double[] z) {
        double most = 0;
        for (JpegStegoModel.Linear d : m.values()) {
            most = Math.max(most, sigmoid(d.apply(z)));
        }
        return most;
    }

    /** Just above the highest raw probability of a clean validation image. */
    private static double threshold(Map<String, JpegStegoModel.Linear> m, List<Row> validation, double[][] xv) {
        double most = 0;
        for (int i = 0; i < validation.size(); i++) {
            if (validation.get(i).clean()) {
                most = Math.max(most, raw(m, xv[i]));
            }
        }
        return Math.min(1 - 1e-12, Math.nextUp(most));
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

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The held-out figures. */
    static final class Report {
        private final List<Row> rows;
        private final List<JpegStegoModel.Result> results = new ArrayList<>();
        private final StringBuilder md = new StringBuilder();
        private String summary = "";
        private final Map<String, long[]> cleanFamilies = new TreeMap<>();

        Report(JpegStegoModel model, List<Row> rows) {
            this.rows = rows;
            for (Row r : rows) {
                results.add(model.classify(r.f()));
            }
            build();
        }

        /**
         * Whether the held-out FPR of every clean family is within the target. The fit's verdicts are used by the
         * scan only then: the holdout gates shipping a decision, it never moves the threshold.
         */
        boolean everyCleanFamilyWithin(double targetFpr) {
            return !cleanFamilies.isEmpty()
                    && cleanFamilies.values().stream().allMatch(c -> c[1] <= targetFpr * c[0]);
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
            md.append("| tool | message | quality | images | detected | AUC against its covers | method named | ")
                    .append("rate estimate (mean, true) |\n|---|---|---|---:|---:|---:|---:|---|\n");
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
                        long hit = idx.stream().filter(i -> results.get(i).stego()).count();
                        long named = idx.stream().filter(i -> results.get(i).stego()
                                && results.get(i).method().equals(rows.get(i).toolLabel())).count();
                        double auc = auc(idx, covers);
                        double est = idx.stream().mapToDouble(i -> results.get(i).rate()).average().orElse(0);
                        double truth = idx.stream().mapToDouble(i -> rows.get(i).rate()).average().orElse(0);
                        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f%% | %.3f | %s | %.3f, %.3f |%n",
                                tool, e.getKey(), band, idx.size(), 100.0 * hit / idx.size(), auc,
                                hit == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * named / hit), est,
                                truth));
                        if (band.equals("all")) {
                            summaryParts.add(String.format(Locale.ROOT, "%s %s: %.1f%% detected, AUC %.3f", tool,
                                    e.getKey(), 100.0 * hit / idx.size(), auc));
                        }
                    }
                }
            }
            md.append("\n| clean family | images | false positives | FPR | Wilson 95% upper |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            Map<String, long[]> fam = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.clean()) {
                    long[] c = fam.computeIfAbsent(r.family(), k -> new long[2]);
                    c[0]++;
                    c[1] += results.get(i).stego() ? 1 : 0;
                }
            }
            cleanFamilies.putAll(fam);
            long[] all = new long[2];
            fam.forEach((k, c) -> {
                all[0] += c[0];
                all[1] += c[1];
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f%% | %.2f%% |%n", k, c[0], c[1],
                        100.0 * c[1] / c[0], 100 * wilsonUpper(c[1], c[0])));
            });
            md.append(String.format(Locale.ROOT, "| all clean | %d | %d | %.2f%% | %.2f%% |%n", all[0], all[1],
                    100.0 * all[1] / all[0], 100 * wilsonUpper(all[1], all[0])));
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

        private double auc(List<Integer> positives, List<Integer> negatives) {
            if (negatives.isEmpty()) {
                return Double.NaN;
            }
            double sum = 0;
            for (int p : positives) {
                double sp = results.get(p).raw();
                for (int n : negatives) {
                    double sn = results.get(n).raw();
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
