package dev.starlight.trainer.cli;

import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.evaluation.ShippingScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code starlight models compare}: model variants side by side, from their run folders. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Prints a Markdown table of trained models side by side.",
            "Columns: streams, triplet term, training time, held-out false-positive rate and per-group detection "
                + "and model AUC (from each run's metrics.json)."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders (with metrics.json and provenance.json).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to this file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<RunFolder> folders = new ArrayList<>();
        for (Path r : runs) {
            folders.add(RunFolder.read(r));
        }
        String table = table(folders);
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table);
        }
        return 0;
    }

    /** One column per model; rows: settings, then FPR, then each stego group's detection rate and model AUC. */
    public static String table(List<RunFolder> folders) {
        StringBuilder b = new StringBuilder();
        b.append("| | ");
        folders.forEach(f -> b.append(f.metrics().version()).append(" | "));
        b.append('\n').append("|---|").append("---:|".repeat(folders.size())).append('\n');
        row(b, "streams", folders, f -> String.join(", ", textList(f)));
        row(b, "triplet term", folders, f -> f.config().path("triplet").asBoolean() ? "on" : "off");
        row(b, "epochs", folders, f -> f.config().path("epochs").asText());
        row(b, "training time", folders, f -> String.format(Locale.ROOT, "%.0f s", f.metrics().training().seconds()));
        row(b, "final loss", folders, f -> String.format(Locale.ROOT, "%.4f", f.metrics().training().finalLoss()));
        row(b, "FPR, held-out clean covers (all formats)", folders, f -> pct(cleanFpr(f.metrics().withModel(),
                "clean")));
        row(b, "mean detection over stego groups (scanner with model)", folders,
                f -> pct(ShippingScore.of(f.metrics()).meanDetection()));
        row(b, "model AUC, all stego", folders, f -> num(f.metrics().modelAuc().getOrDefault(Evaluator.ALL,
                Double.NaN)));
        TreeSet<String> groups = new TreeSet<>();
        folders.forEach(f -> f.metrics().withModel().stego().forEach(r -> groups.add(r.group())));
        for (String g : groups) {
            row(b, g + ": detected / model AUC", folders, f -> {
                EvalReport.StegoRow r = f.metrics().withModel().stego().stream()
                        .filter(x -> x.group().equals(g) && x.format().equals(Evaluator.ALL)).findFirst().orElse(null);
                return (r == null ? "–" : pct(r.detectionRate())) + " / "
                        + num(f.metrics().modelAuc().getOrDefault(g, Double.NaN));
            });
        }
        return b.toString();
    }

    private static List<String> textList(RunFolder f) {
        List<String> out = new ArrayList<>();
        f.config().path("streams").forEach(n -> out.add(n.asText()));
        return out;
    }

    static double cleanFpr(EvalReport report, String group) {
        return report.clean().stream().filter(c -> c.group().equals(group) && c.format().equals(Evaluator.ALL))
                .mapToDouble(EvalReport.CleanRow::fpr).findFirst().orElse(Double.NaN);
    }

    private static void row(StringBuilder b, String label, List<RunFolder> folders,
                            java.util.function.Function<RunFolder, String> cell) {
        b.append("| ").append(label).append(" | ");
        folders.forEach(f -> b.append(cell.apply(f)).append(" | "));
        b.append('\n');
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
