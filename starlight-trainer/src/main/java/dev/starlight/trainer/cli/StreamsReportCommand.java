package dev.starlight.trainer.cli;

import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.report.StreamAblationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starlight report streams}: the stream ablation of a trained model. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Zeroes each input stream in turn on held-out images and reports the AUC lost per stego group.")
public final class StreamsReportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder.")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training set (its holdout/ is used).")
    Path data;

    @Option(names = "--out", defaultValue = "docs/reports/stream-ablation.md", description = "Report file (${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path holdout = data.resolve(TrainingSetGenerator.HOLDOUT);
        String command = "bin/starlight report streams --run " + run + " --data " + data + " --out " + out;
        String report = StreamAblationReport.markdown(RunFolder.read(run), TrainingSplit.images(holdout),
                holdout.toString(), command);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("wrote " + out);
        return 0;
    }
}
