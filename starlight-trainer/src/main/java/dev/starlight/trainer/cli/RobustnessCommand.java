package dev.starlight.trainer.cli;

import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.report.RobustnessReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starlight report robustness}: gradient attacks, realisable attacks and real-world transformations. */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = {"Measures how a trained model holds up against attacks and changes to its images.",
            "White-box gradient attacks (FGSM, PGD) on its input tiles, the same attack made into real 8-bit files, "
                + "and JPEG recompression, resizing, re-saving, cropping and noise applied to held-out stego and "
                + "clean images; writes a Markdown report."})
public final class RobustnessCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = {
        "Run folder made by `starlight train` (metrics.json, provenance.json, model.onnx, network.params)."})
    Path run;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The training set the run was trained on (its holdout/ split is used).")
    Path data;

    @Option(names = "--max-images", defaultValue = "200", paramLabel = "N",
            description = "Most held-out images, spread evenly so every group appears (${DEFAULT-VALUE}).")
    int maxImages;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The report (default: docs/reports/robustness.md in the checkout).")
    Path out;

    @Option(names = "--tiles-per-image", defaultValue = "2", paramLabel = "N",
            description = "Tiles attacked per image (${DEFAULT-VALUE}).")
    int tilesPerImage;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of tile sampling and noise (${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch and scanner threads (default: the run's training threads).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        int n = threads != null ? threads : Math.max(1, RunFolder.read(run).trainingConfig().threads());
        // bin/starlight passes the checkout as starlight.home, so the default lands in its docs/reports/
        Path file = out != null ? out
                : Path.of(System.getProperty("starlight.home", ".")).resolve(RobustnessReport.DEFAULT_OUT);
        RobustnessReport.Options options = new RobustnessReport.Options(run, data, maxImages, tilesPerImage, seed, n,
                file, commandLine(n));
        RobustnessReport.runOnLargeStack(options);
        System.out.println("wrote " + file);
        return 0;
    }

    /** The command as a user would type it again (recorded in the report). */
    private String commandLine(int n) {
        return "bin/starlight report robustness --run " + run + " --data " + data + " --max-images " + maxImages
                + " --tiles-per-image " + tilesPerImage + " --seed " + seed + " --threads " + n + " --out "
                + (out != null ? out : RobustnessReport.DEFAULT_OUT);
    }
}
