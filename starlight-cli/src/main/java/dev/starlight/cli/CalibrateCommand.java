package dev.starlight.cli;

import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.fusion.FusionFeatures;
import dev.starlight.core.analysis.fusion.FusionGroup;
import dev.starlight.core.analysis.fusion.FusionModel;
import dev.starlight.core.analysis.fusion.FusionTrainer;
import dev.starlight.core.analysis.fusion.StructuralRules;
import dev.starlight.core.model.ModelDetector;
import dev.starlight.lab.dataset.DataChecksum;
import dev.starlight.lab.evaluation.EvalSet;
import dev.starlight.lab.evaluation.Evaluator;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code starlight calibrate}: fits the statistical fusion on labelled images and writes it with its provenance.
 * The shipped {@code fusion-model.json} is this command's output (the command line is recorded inside it).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits the statistical fusion on labelled clean and stego images.",
            "Scans the images with the core's statistics, fits the fusion (one logistic regression per image "
                + "group) and sets each group's threshold on its clean images for the false-positive budget.",
            "Writes the fit as JSON with how it was made."})
public final class CalibrateCommand implements Callable<Integer> {
    private static final String MODEL_FEATURE = "model";

    @Spec
    CommandSpec spec;

    @Option(names = "--clean", required = true, paramLabel = "DIR", description = "Folder of clean images (repeatable).")
    List<Path> clean;

    @Option(names = "--stego", required = true, paramLabel = "DIR", description = "Folder of stego images (repeatable).")
    List<Path> stego;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the fit.")
    Path out;

    @Option(names = "--target-fpr", defaultValue = "0.005", paramLabel = "RATE", description = "False-positive budget of each clean family (a clean folder's sub-folder, such as a zoo family) in each group (${DEFAULT-VALUE}).")
    double targetFpr;

    @Option(names = "--extra-margin", defaultValue = "0", paramLabel = "LOGITS",
            description = "Logit units added to the margin learned from the clean images (${DEFAULT-VALUE}).")
    double extraMargin;

    @Option(names = "--l2", defaultValue = "0.1", paramLabel = "PENALTY", description = "Ridge penalty (${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--version-name", paramLabel = "NAME", description = "The fit's version (default: fusion-<date>).")
    String versionName;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Scanner threads (default: all cores).")
    int threads;

    @Option(names = "--model", paramLabel = "shipped|none|FILE", defaultValue = "none",
            description = "Also set where this model's probability is stego, per image group, for the same budget in "
                    + "every clean family (never under its own 0.5); the fit then carries these operating points "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Override
    public Integer call() throws IOException {
        List<LabelledImage> images = EvalSet.load(clean, stego);
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<ScanResult> results;
        String modelName = null; // the served model's version, as results report it
        try (ScanModel served = ScanModel.load(model)) {
            // no fusion: a verdict is a recovered message or the model's own, never the fit being made
            Scanner scanner = new Scanner(ScanOptions.DEFAULT, served.model() == null ? List.of()
                    : List.of(new ModelDetector(served.model())), Scanner.RULES_VERSION, null);
            results = new Evaluator(scanner, Scanner.RULES_VERSION, n).scanAll(images);
            if (served.model() != null) {
                modelName = served.version();
            }
        }
        List<FusionTrainer.Example> examples = new ArrayList<>();
        List<FusionTrainer.Example> modelExamples = new ArrayList<>();
        int decidedByMessage = 0;
        int decidedByRule = 0;
        int duplicates = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            ScanResult r = results.get(i);
            if (r.isError()) {
                continue;
            }
            if (!seen.add(r.sha256())) {
                duplicates++; // the same bytes twice (a generator may cut one small source whole more than once)
                continue;
            }
            if (r.isStego() && r.payload() != null) {
                // a recovered protocol message decides before the fusion is asked: not what the fusion must learn
                decidedByMessage++;
                continue;
            }
            if (images.get(i).stego() && StructuralRules.firing(r.evidence()).isPresent()) {
                decidedByRule++; // the structural rules decide before the fusion is asked, too
                continue;
            }
            FusionFeatures.Input input = FusionFeatures.input(r.format(), r.evidence());
            Map<String, Double> features = input.features();
            FusionGroup group = input.group();
            LabelledImage image = images.get(i);
            examples.add(new FusionTrainer.Example(group.label(), image.group(), features, image.stego()));
            Evidence.firstScored(r.evidence(), Evidence.Kind.MODEL).map(Evidence::score).ifPresent(p ->
                    modelExamples.add(new FusionTrainer.Example(group.label(), image.group(), Map.of(MODEL_FEATURE, p),
                            image.stego())));
        }
        FusionTrainer trainer = new FusionTrainer(l2, targetFpr, extraMargin, FusionModel.DEFAULT_FEATURES);
        Map<String, FusionModel.GroupModel> groups = trainer.fit(examples);
        String version = versionName != null ? versionName
                : "fusion-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "");
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "starlight " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        provenance.put("data", images.size() + " images (" + images.stream().filter(LabelledImage::stego).count()
                + " stego); fitted on " + examples.size() + " (left out: " + decidedByMessage
                + " stego with a recovered protocol message, " + decidedByRule
                + " stego a structural rule catches, " + duplicates + " duplicates of an image already counted, "
                + "and errors)");
        List<Path> folders = new ArrayList<>(clean);
        folders.addAll(stego);
        provenance.put("dataSha256", DataChecksum.of(DataChecksum.commonFolder(folders),
                images.stream().map(LabelledImage::file).toList()));
        provenance.put("targetFpr", String.valueOf(targetFpr));
        provenance.put("extraMargin", String.valueOf(extraMargin));
        provenance.put("l2", String.valueOf(l2));
        provenance.put("starlight", VersionProvider.version());
        provenance.put("created", LocalDate.now(ZoneOffset.UTC).toString());
        FusionModel.ModelOperatingPoints points = null;
        if (modelName != null) {
            points = new FusionModel.ModelOperatingPoints(modelName,
                    trainer.operatingPoints(modelExamples, MODEL_FEATURE));
            provenance.put("modelOperatingPoints", "set for " + modelName + " on " + modelExamples.stream()
                    .filter(e -> !e.stego()).count() + " clean images (" + model + ")");
        }
        FusionModel fit = new FusionModel(version, provenance, groups, points);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, fit.toJson() + "\n");
        summarise(fit, examples);
        return ExitCodes.OK;
    }

    /** Prints each group's detection and false-positive rate on the data it was fitted on. */
    private void summarise(FusionModel model, List<FusionTrainer.Example> examples) {
        var printer = spec.commandLine().getOut();
        model.groups().forEach((group, g) -> {
            int clean = 0;
            int fp = 0;
            int stegoCount = 0;
            int tp = 0;
            for (FusionTrainer.Example e : examples) {
                if (!e.group().equals(group)) {
                    continue;
                }
                boolean flagged = g.rawProbability(e.features()) >= g.threshold();
                if (e.stego()) {
                    stegoCount++;
                    tp += flagged ? 1 : 0;
                } else {
                    clean++;
                    fp += flagged ? 1 : 0;
                }
            }
            printer.printf(Locale.ROOT, "%-10s %d features, threshold %.4f: %d/%d clean flagged, %d/%d stego detected%n",
                    group, g.features().size(), g.threshold(), fp, clean, tp, stegoCount);
        });
        if (model.modelOperatingPoints() != null) {
            model.modelOperatingPoints().thresholds().forEach((group, t) -> printer.printf(Locale.ROOT,
                    "%-10s %s is stego at %.4f%n", group, model.modelOperatingPoints().model(), t));
        }
        printer.println("wrote " + out);
        printer.flush();
    }
}
