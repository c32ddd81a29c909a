package dev.starlight.cli;

import dev.starlight.lab.jpeg.JpegStegoFit;
import dev.starlight.lab.jpeg.JpegStegoSet;
import dev.starlight.lab.zoo.CleanZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code starlight jpeg-fit}: makes the JPEG steganalysis set (real steghide and outguess, F5, nsF5 and jsteg
 * written here, the clean zoo's JPEG families) and fits the JPEG classifier on it. The shipped
 * {@code jpeg-stego-model.json} is this command's output; its provenance records the command line and the data's
 * checksum, its held-out figures go to {@code report.md} beside the set.
 */
@Command(name = "jpeg-fit", mixinStandardHelpOptions = true,
        description = {"Makes the JPEG stego set and fits the DCT-domain JPEG classifier on it.",
            "Covers come from the clean zoo's sources with the zoo's split by source; stego from the real steghide "
                + "and outguess and from F5, nsF5 and jsteg written here. The operating point is set above every "
                + "clean JPEG of the validation split; the figures are measured on the holdout split.",
            "Writes the fit (JSON with its provenance) and report.md."})
public final class JpegFitCommand implements Callable<Integer> {

    @Option(names = "--set", required = true, paramLabel = "DIR",
            description = "Where the set is (made there when it has no features.csv).")
    Path set;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the fit (required unless --write-holdout).")
    Path out;

    @Option(names = "--sources", arity = "1..*", paramLabel = "DIR",
            description = "Folders of source photographs (default: the clean zoo's: Debian wallpapers and the corpus covers).")
    List<Path> sources;

    @Option(names = "--zoo-per-family", defaultValue = "100", paramLabel = "N",
            description = "Images per clean JPEG family of the zoo, all splits (${DEFAULT-VALUE}).")
    int zooPerFamily;

    @Option(names = "--refeature", description = "Compute the features of an existing set again (after they changed).")
    boolean refeature;

    @Option(names = "--write-holdout", paramLabel = "DIR",
            description = "Instead of fitting: write the set's holdout split as files for `starlight eval` "
                    + "(DIR/clean/<family>/, DIR/stego/<tool>/; the simulated tools' files with a sidecar giving the rate).")
    Path writeHoldout;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Worker threads (${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "20261124", paramLabel = "N", description = "Seed (${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (out == null && writeHoldout == null) {
            System.err.println("jpeg-fit: --out FILE is required (or --write-holdout DIR)");
            return ExitCodes.INPUT_ERROR;
        }
        boolean made = !Files.isRegularFile(set.resolve("features.csv"));
        if (made) {
            List<Path> dirs = sources != null ? sources : defaultSources();
            Files.createDirectories(set);
            int rows = new JpegStegoSet(seed, threads, zooPerFamily).generate(dirs, set);
            System.err.println("jpeg-fit: " + rows + " images in " + set.resolve("features.csv"));
        } else if (refeature) {
            int rows = new JpegStegoSet(seed, threads, zooPerFamily).refeature(set);
            System.err.println("jpeg-fit: features of " + rows + " images computed again");
        }
        if (writeHoldout != null) {
            int files = new JpegStegoSet(seed, threads, zooPerFamily).writeHoldout(set, writeHoldout);
            System.err.println("jpeg-fit: " + files + " holdout images written under " + writeHoldout);
            return ExitCodes.OK;
        }
        // the zoo's size is the command's only when this run made the zoo; the fit records the rows it read
        String command = "starlight jpeg-fit --set " + set + " --out " + out + " --seed " + seed
                + (made ? " --zoo-per-family " + zooPerFamily : "") + (refeature ? " --refeature" : "");
        JpegStegoFit.Outcome outcome = JpegStegoFit.fit(set, command, seed);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, outcome.model().toJson() + "\n");
        Files.writeString(set.resolve("report.md"), outcome.report());
        System.out.println(outcome.report());
        return ExitCodes.OK;
    }

    private static List<Path> defaultSources() {
        List<Path> dirs = new ArrayList<>(CleanZoo.DEFAULT_SOURCES);
        Path corpus = Path.of(System.getProperty("starlight.home", "."), "..", "shared", "corpus", "covers");
        if (Files.isDirectory(corpus)) {
            dirs.add(corpus.normalize());
        }
        return dirs;
    }
}
