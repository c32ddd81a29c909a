package dev.starlight.lab.report;

import dev.starlight.codecs.StarlightException;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.lab.evaluation.RocCurve;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.scan.Scanner;
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
 * The per-model stream-importance report over a labelled set ({@code clean/}, optional {@code clean-variants/},
 * {@code stego/} with sidecars): per group, the mean change of the image logit when each stream is neutral; per
 * stego group, the AUC against the clean covers with each stream ablated, and the streams whose ablation costs
 * nothing anywhere; and where the model and the statistics-only scanner disagree.
 *
 * <pre>java -cp CORE_CLASSPATH dev.starlight.lab.report.StreamImportanceReport --onnx FILE --images DIR
 *     --out docs/reports/stream-importance.md [--limit N]</pre>
 * {@code --onnx} takes ONNX bytes or a model envelope ({@code .slme}); {@code --limit} keeps every clean cover and
 * an evenly spaced subset of the rest, N images in all.
 */
public final class StreamImportanceReport {
    /** An AUC loss below this is "no loss". */
    static final double NO_LOSS = 0.005;
    static final int EXAMPLES = 3;

    /** One image's figures. */
    record Row(LabelledImage image, double logit, Map<String, Double> ablated, boolean modelStego,
               boolean statisticsStego) {
    }

    private StreamImportanceReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = options(args);
        Path onnx = Path.of(required(a, "--onnx"));
        Path images = Path.of(required(a, "--images"));
        Path out = Path.of(required(a, "--out"));
        int limit = Integer.parseInt(a.getOrDefault("--limit", "0"));
        String command = a.getOrDefault("--command", "StreamImportanceReport " + String.join(" ", args));
        byte[] bytes = Files.readAllBytes(onnx);
        byte[] model = ModelEnvelope.isEnvelope(bytes) ? ModelEnvelope.fromBytes(bytes).onnx() : bytes;
        List<LabelledImage> all = load(images);
        List<LabelledImage> chosen = subset(all, limit);
        long start = System.nanoTime();
        String markdown;
        try (OnnxModel m = OnnxModel.load(model)) {
            markdown = markdown(m, rows(m, chosen), onnx, images, all.size(), command,
                    (System.nanoTime() - start) / 1e9);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown);
        System.out.println("wrote " + out + " (" + chosen.size() + " images)");
    }

    static List<LabelledImage> load(Path dir) {
        List<Path> clean = new ArrayList<>(List.of(dir.resolve("clean")));
        if (Files.isDirectory(dir.resolve("clean-variants"))) {
            clean.add(dir.resolve("clean-variants"));
        }
        return EvalSet.load(clean, List.of(dir.resolve("stego")));
    }

    /** Every clean cover, and every k-th other image so that about {@code limit} are kept (0: all). */
    static List<LabelledImage> subset(List<LabelledImage> images, int limit) {
        if (limit <= 0 || limit >= images.size()) {
            return images;
        }
        List<LabelledImage> covers = images.stream().filter(i -> EvalSet.CLEAN.equals(i.group())).toList();
        List<LabelledImage> rest = images.stream().filter(i -> !EvalSet.CLEAN.equals(i.group())).toList();
        int keep = Math.max(1, limit - covers.size());
        List<LabelledImage> out = new ArrayList<>(covers);
        for (int k = 0; k < keep && k < rest.size(); k++) {
            out.add(rest.get((int) ((2L * k + 1) * rest.size() / (2L * keep))));
        }
        return out;
    }

    static List<Row> rows(OnnxModel model, List<LabelledImage> images) throws IOException {
        Scanner statistics = new Scanner();
        List<Row> rows = new ArrayList<>();
        for (LabelledImage image : images) {
            byte[] data = Files.readAllBytes(image.file());
            DecodedImage decoded;
            try {
                decoded = ImageCodecs.decode(data);
            } catch (StarlightException e) {
                continue; // undecodable: part of no figure
            }
            ModelInputs inputs = ModelInputs.from(decoded, model.inputOptions(), model.info().inputs());
            double logit = model.predict(inputs).imageLogit();
            Map<String, Double> ablated = new LinkedHashMap<>();
            for (String stream : inputs.names()) {
                ablated.put(stream, model.predict(inputs.withNeutral(stream)).imageLogit());
            }
            rows.add(new Row(image, logit, ablated, logit >= 0, statistics.scan(data).isStego()));
        }
        return rows;
    }

    static String markdown(OnnxModel model, List<Row> rows, Path onnx, Path images, int available, String command,
                           double seconds) {
        List<String> streams = model.info().inputs();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, """
                # Stream importance

                - model: `%s` version `%s` (file `%s`), inputs %s, tile %d
                - data: `%s`, %d of %d images%s
                - written by: `%s` in %.0f s
                - machine: %d cores, Java %s, %s
                - every figure below was printed by that command

                """, model.info().name(), model.info().version(), onnx.getFileName(), streams,
                model.info().tileSize(), images, rows.size(), available, rows.size() < available
                        ? " (every clean cover and an evenly spaced subset of the rest; undecodable files left out)"
                        : "", command, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Instant.now().toString().substring(0, 10)));

        Map<String, List<Row>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.image().stego() ? r.image().group()
                : EvalSet.CLEAN.equals(r.image().group()) ? "clean" : "clean-variant " + r.image().group(),
                g -> new ArrayList<>()).add(r));

        out.append("## Mean importance per stream\n\nThe change of the image's stego logit (largest tile logit) when "
                + "the stream is set to its neutral value, averaged over the group's images. Negative: the stream "
                + "pushed the images towards stego.\n\n| group | images | mean logit |");
        streams.forEach(s -> out.append(' ').append(s).append(" |"));
        out.append("\n|---|---:|---:|").append("---:|".repeat(streams.size())).append('\n');
        groups.forEach((g, rs) -> {
            out.append("| ").append(g).append(" | ").append(rs.size()).append(" | ")
                    .append(num(rs.stream().mapToDouble(Row::logit).average().orElse(Double.NaN))).append(" |");
            for (String s : streams) {
                out.append(' ').append(signed(rs.stream().mapToDouble(r -> r.ablated().get(s) - r.logit()).average()
                        .orElse(Double.NaN))).append(" |");
            }
            out.append('\n');
        });

        double[] clean = rows.stream().filter(r -> EvalSet.CLEAN.equals(r.image().group())).mapToDouble(Row::logit)
                .toArray();
        out.append("\n## Ablation AUC\n\nAUC of each stego group against the ").append(clean.length)
                .append(" clean covers, with the full model and as the change when one stream is neutral (negative:"
                        + " the model needs the stream for that group).\n\n| stego group | full AUC |");
        streams.forEach(s -> out.append(" without ").append(s).append(" |"));
        out.append("\n|---|---:|").append("---:|".repeat(streams.size())).append('\n');
        Map<String, Map<String, Double>> loss = new TreeMap<>();
        groups.forEach((g, rs) -> {
            if (!rs.get(0).image().stego() || clean.length == 0) {
                return;
            }
            double full = RocCurve.auc(rs.stream().mapToDouble(Row::logit).toArray(), clean);
            out.append("| ").append(g).append(" | ").append(num(full)).append(" |");
            double[] cleanAblated;
            for (String s : streams) {
                cleanAblated = rows.stream().filter(r -> EvalSet.CLEAN.equals(r.image().group()))
                        .mapToDouble(r -> r.ablated().get(s)).toArray();
                double auc = RocCurve.auc(rs.stream().mapToDouble(r -> r.ablated().get(s)).toArray(), cleanAblated);
                loss.computeIfAbsent(s, k -> new TreeMap<>()).put(g, full - auc);
                out.append(' ').append(signed(auc - full)).append(" |");
            }
            out.append('\n');
        });
        List<String> droppable = streams.stream().filter(s -> loss.getOrDefault(s, Map.of()).values().stream()
                .allMatch(l -> l < NO_LOSS)).toList();
        out.append("\nStreams whose ablation costs less than ").append(NO_LOSS)
                .append(" AUC in every stego group (could be dropped with no measured loss): ")
                .append(droppable.isEmpty() ? "none" : String.join(", ", droppable)).append(".\n");

        out.append("\n## Model and statistics disagree\n\nModel says stego: image probability at least 0.5 (the "
                + "operating point). Statistics say stego: the statistics-only scanner (extractors, statistical "
                + "detectors and fusion; no model) gives a stego verdict. Up to ").append(EXAMPLES)
                .append(" examples each.\n\n| group | images | model stego, statistics clean | examples |"
                        + " model clean, statistics stego | examples |\n|---|---:|---:|---|---:|---|\n");
        groups.forEach((g, rs) -> {
            List<Row> modelOnly = rs.stream().filter(r -> r.modelStego() && !r.statisticsStego()).toList();
            List<Row> statsOnly = rs.stream().filter(r -> !r.modelStego() && r.statisticsStego()).toList();
            out.append("| ").append(g).append(" | ").append(rs.size()).append(" | ").append(modelOnly.size())
                    .append(" | ").append(examples(modelOnly, images)).append(" | ").append(statsOnly.size())
                    .append(" | ").append(examples(statsOnly, images)).append(" |\n");
        });
        return out.toString();
    }

    private static String examples(List<Row> rows, Path images) {
        return rows.stream().limit(EXAMPLES).map(r -> "`" + relative(images, r.image().file()) + "`")
                .reduce((x, y) -> x + ", " + y).orElse("");
    }

    private static Path relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            return file.getFileName();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i] + " in "
                        + Arrays.toString(args));
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            System.err.println("usage: StreamImportanceReport --onnx FILE --images DIR --out FILE.md [--limit N]");
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.3f", v);
    }
}
