package dev.starlight.cli;

import dev.starlight.lab.dataset.EvalSetGenerator;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
                + "compressed, random bytes) from 4 bytes up to the carrier's capacity."})
public final class DatasetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--covers", required = true, paramLabel = "DIR", description = "Folder of clean covers.")
    Path covers;

    @Option(names = "--payloads", required = true, paramLabel = "DIR", description = "Folder of .md/.txt message texts.")
    Path payloads;

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
}
