package dev.starlight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.lab.evaluation.EvalReport;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starlight eval}: measures the scanner on folders of clean and stego images. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures the scanner on folders of labelled clean and stego images.",
            "Prints, per stego group and format: detection rate, AUC and TPR at 1%% and 5%% FPR against the clean "
                + "images of the same format, payload-estimate error, method and bit-order accuracy and exact "
                + "extractions; per format, the false-positive rate on clean images; and images per second.",
            "Stego labels come from sidecars, else from the folder's name; clean images in sub-folders of a --clean "
                + "folder are reported per sub-folder (e.g. the clean variants of `dataset`); --clean-zoo DIR takes a "
                + "folder of clean families (a split of `dataset --clean-zoo`), one row per family.",
            "Each clean row gives the FPR with the upper end of its 95%% Wilson interval and what made the flagged "
                + "images stego (message, model or fusion; the method; the fusion's strongest statistic)."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clean", paramLabel = "DIR", description = "Folder of clean images (repeatable).")
    List<Path> clean = List.of();

    @Option(names = "--clean-zoo", paramLabel = "DIR",
            description = "Folder of clean families, each sub-folder one family (repeatable), e.g. ZOO/holdout.")
    List<Path> cleanZoo = List.of();

    @Option(names = "--stego", paramLabel = "DIR", description = "Folder of stego images (repeatable).")
    List<Path> stego = List.of();

    @Option(names = "--fusion", paramLabel = "FILE", description = "Fuse with this fit instead of the shipped one.")
    Path fusionFile;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Scanner threads (default: all cores).")
    int threads;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the report as JSON to this file.")
    Path jsonOut;

    @Option(names = "--model", paramLabel = "shipped|none|FILE",
            description = "The model beside the statistics, as for scan (default: ${DEFAULT-VALUE}: statistics only).")
    String model = "none";

    @Override
    public Integer call() throws IOException {
        FusionModel fusion = fusion(fusionFile);
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (clean.isEmpty() && cleanZoo.isEmpty()) {
            spec.commandLine().getErr().println("starlight eval: give at least one --clean or --clean-zoo folder");
            return ExitCodes.INPUT_ERROR;
        }
        List<Path> cleanDirs = new java.util.ArrayList<>(clean);
        for (Path zoo : cleanZoo) {
            if (!Files.isDirectory(zoo)) {
                spec.commandLine().getErr().println("starlight eval: --clean-zoo " + zoo + " is not a folder");
                return ExitCodes.INPUT_ERROR;
            }
            cleanDirs.add(zoo); // each file's group is its family folder's name
        }
        List<LabelledImage> images = EvalSet.load(cleanDirs, stego);
        EvalReport report;
        try (ScanModel served = ScanModel.load(model)) {
            String version = served.model() == null ? Scanner.defaultVersion(fusion) : served.version();
            Scanner scanner = new Scanner(ScanOptions.DEFAULT, served.model() == null ? List.of()
                    : List.of(new dev.starlight.core.model.ModelDetector(served.model())), version, fusion);
            report = new Evaluator(scanner, version, n).evaluate(images);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOut != null) {
            Files.writeString(jsonOut, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report) + "\n");
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static FusionModel fusion(Path file) throws IOException {
        if (file == null) {
            return FusionModel.shipped();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return FusionModel.fromJson(in);
        }
    }

    /** Markdown tables, so the output can go into docs as it is. */
    static void print(EvalReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "scanner %s: %d images in %.1f s (%.1f images/s on %d threads)%n%n",
                r.scanner(), r.images(), r.seconds(), r.imagesPerSecond(), r.threads());
        out.println("| clean group | format | images | flagged | FPR | errors | FPR 95% upper (Wilson) | what fired |");
        out.println("|---|---|---:|---:|---:|---:|---:|---|");
        for (EvalReport.CleanRow c : r.clean()) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %d | %s | %s |%n", c.group(), c.format(), c.images(),
                    c.flagged(), pct(c.fpr()), c.errors(), pct(c.fprUpper95()), c.firedBy());
        }
        out.println();
        out.println("| stego group | format | images | detected | AUC | TPR@1%FPR | TPR@5%FPR | rate error | method ok | bit order ok | exact extractions | errors |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (EvalReport.StegoRow s : r.stego()) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d |%n", s.group(),
                    s.format(), s.images(), pct(s.detectionRate()), num(s.auc()), pct(s.tprAt1()), pct(s.tprAt5()),
                    num(s.rateError()), pct(s.methodCorrect()), pct(s.bitOrderCorrect()),
                    s.knownMessages() == 0 ? "–" : s.exactExtractions() + "/" + s.knownMessages(), s.errors());
        }
        out.println();
        out.println("| stego group | detectors that separate it best (AUC of each one's own evidence against clean) |");
        out.println("|---|---|");
        java.util.Map<String, java.util.List<EvalReport.DetectorRow>> byGroup = new java.util.TreeMap<>();
        r.detectors().forEach(d -> byGroup.computeIfAbsent(d.group(), g -> new java.util.ArrayList<>()).add(d));
        byGroup.forEach((group, rows) -> out.printf(Locale.ROOT, "| %s | %s |%n", group, String.join(", ",
                rows.stream().filter(d -> !Double.isNaN(d.auc())).limit(TOP_DETECTORS)
                        .map(d -> d.feature() + " " + num(d.auc())).toList())));
    }

    /** Detectors listed per group in the table. */
    private static final int TOP_DETECTORS = 4;

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
