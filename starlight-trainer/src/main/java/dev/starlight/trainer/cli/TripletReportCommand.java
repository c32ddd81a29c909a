package dev.starlight.trainer.cli;

import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.report.TripletReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starlight report triplet}: a run with the triplet term against the same run without it. */
@Command(name = "triplet", mixinStandardHelpOptions = true,
        description = "Compares a run trained with the triplet term and one without it (same data and settings).")
public final class TripletReportCommand implements Callable<Integer> {
    @Option(names = "--with", required = true, paramLabel = "DIR", description = "Run folder trained with the triplet term.")
    Path with;

    @Option(names = "--without", required = true, paramLabel = "DIR", description = "Run folder trained without it.")
    Path without;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training set both used.")
    Path data;

    @Option(names = "--out", defaultValue = "docs/reports/triplet-loss.md", description = "Report file (${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String command = "bin/starlight report triplet --with " + with + " --without " + without + " --data " + data
                + " --out " + out;
        String report = TripletReport.markdown(RunFolder.read(with), RunFolder.read(without), data, command);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("wrote " + out);
        return 0;
    }
}
