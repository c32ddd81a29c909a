package dev.starlight.cli;

import dev.starlight.lab.dataset.EvalSetGenerator;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.lab.zoo.CleanZoo;
import dev.starlight.lab.zoo.ZooFamily;
import dev.starlight.lab.zoo.ZooToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starlight dataset}: makes labelled evaluation sets (split by cover) from a folder of clean covers. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Makes labelled evaluation or training sets of stego from clean covers.",
            "The covers are split by cover into calibration/ and holdout/, each with clean/ (the covers) and "
                + "stego/<group>/ with a sidecar per file: the five protocol methods in every format they apply to "
                + "(both bit orders), and random-position LSB replacement and matching at 0.05, 0.1, 0.2 and 0.4 "
                + "bits per sample.",
            "Seeded: the same inputs give the same bytes.",
            "With --training: train/, validation/ and holdout/ instead, with messages of every kind (text, "
                + "compressed, random bytes) from 4 bytes up to the carrier's capacity.",
            "With --clean-zoo: ordinary clean images of many real-world families (camera and phone JPEGs, edited "
                + "and AI-generated images, screenshots, decoded, resized, re-saved, dithered, 16-bit, animated ...), "
                + "made with the real tools (bin/install-zoo-tools) from the photographs under --sources, in "
                + "train/, validation/ and holdout/, one folder per family; see the README.md it writes."})
public final class DatasetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--covers", paramLabel = "DIR", description = "Folder of clean covers (not with --clean-zoo).")
    Path covers;

    @Option(names = "--payloads", paramLabel = "DIR", description = "Folder of .md/.txt message texts (not with --clean-zoo).")
    Path payloads;

    @Option(names = "--clean-zoo", description = "Write the clean zoo (train/, validation/, holdout/ of clean families).")
    boolean cleanZoo;

    @Option(names = "--per-family", defaultValue = "" + CleanZoo.DEFAULT_PER_FAMILY, paramLabel = "N",
            description = "With --clean-zoo: images per family over all splits, 35%% held out (${DEFAULT-VALUE}).")
    int perFamily;

    @Option(names = "--splits", split = ",", paramLabel = "SPLIT",
            description = "With --clean-zoo: only these splits (train, validation, holdout; default: all). With the "
                    + "same seed and sources, a larger --per-family and --splits holdout extends a held-out set made "
                    + "before: the first images are the same files.")
    List<String> splits;

    @Option(names = "--sources", arity = "1..*", paramLabel = "DIR",
            description = "With --clean-zoo: folders of source photographs (default: /usr/share/wallpapers, "
                    + "/usr/share/backgrounds and the corpus covers of ../shared/corpus/covers where present).")
    List<Path> sources;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "With --clean-zoo: worker threads (default: all cores).")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the sets.")
    Path out;

    @Option(names = "--seed", defaultValue = "20261124", paramLabel = "N", description = "Seed of the split and the embeddings (${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--holdout", defaultValue = "0.5", paramLabel = "SHARE",
            description = "Share of covers kept out of calibration (${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--training", description = "Write a training set (train/, validation/, holdout/).")
    boolean training;

    @Option(names = "--validation", defaultValue = "0.15", paramLabel = "SHARE",
            description = "With --training: share of covers for validation (${DEFAULT-VALUE}).")
    double validation;

    @Override
    public Integer call() throws IOException {
        if (cleanZoo) {
            return zoo();
        }
        if (covers == null || payloads == null) {
            spec.commandLine().getErr().println("starlight dataset: --covers and --payloads are required (or --clean-zoo)");
            return ExitCodes.INPUT_ERROR;
        }
        List<byte[]> texts = EvalSetGenerator.payloadTexts(payloads);
        if (texts.isEmpty()) {
            spec.commandLine().getErr().println("starlight dataset: no .md or .txt payloads in " + payloads);
            return ExitCodes.INPUT_ERROR;
        }
        EvalSetGenerator.Summary s = training
                ? new TrainingSetGenerator(seed, validation, holdout, texts).generate(covers, out)
                : new EvalSetGenerator(seed, holdout, texts).generate(covers, out);
        spec.commandLine().getOut().printf("%d covers (%d %s, %d holdout), %d stego files, %d refused embeddings -> %s%n",
                s.covers(), s.calibrationCovers(), training ? "train+validation" : "calibration", s.holdoutCovers(),
                s.stegoFiles(), s.refused(), out);
        return ExitCodes.OK;
    }

    private Integer zoo() throws IOException {
        List<Path> dirs = sources;
        if (dirs == null || dirs.isEmpty()) {
            dirs = new ArrayList<>(CleanZoo.DEFAULT_SOURCES);
            Path corpus = Path.of(System.getProperty("starlight.home", ".")).resolve("../shared/corpus/covers");
            if (Files.isDirectory(corpus)) {
                dirs.add(corpus.normalize());
            }
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        try {
            Set<String> only = Set.copyOf(splits == null || splits.isEmpty() ? CleanZoo.SPLITS : splits);
            if (!CleanZoo.SPLITS.containsAll(only)) {
                spec.commandLine().getErr().println("starlight dataset: --splits takes " + CleanZoo.SPLITS + ", not "
                        + splits);
                return ExitCodes.INPUT_ERROR;
            }
            CleanZoo.Summary s = new CleanZoo(seed, perFamily, n, EnumSet.allOf(ZooFamily.class), only)
                    .generate(dirs, out);
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "%d clean images in %d families from %s sources (%s covers) in %.1f s -> %s%n", s.total(),
                    s.images().size(), s.sources(), s.covers(), s.seconds(), out);
            return ExitCodes.OK;
        } catch (ZooToolException e) {
            spec.commandLine().getErr().println("starlight dataset: " + e.code() + ": " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
    }
}
