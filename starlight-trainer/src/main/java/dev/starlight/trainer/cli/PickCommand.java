package dev.starlight.trainer.cli;

import dev.starlight.trainer.evaluation.RunFolder;
import dev.starlight.trainer.evaluation.ShippingScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code starlight models pick}: the run to ship, by a fixed rule, so the choice is reproducible. */
@Command(name = "pick", mixinStandardHelpOptions = true,
        description = {"Prints the run folder to ship (ShippingScore).",
            "The lowest held-out false-positive rate on clean covers (scanner with the model) wins, then the "
                + "highest mean detection rate over the held-out stego groups."})
public final class PickCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders.")
    List<Path> runs;

    @Override
    public Integer call() throws Exception {
        List<RunFolder> folders = new ArrayList<>();
        for (Path r : runs) {
            folders.add(RunFolder.read(r));
        }
        System.out.println(best(folders).dir());
        return 0;
    }

    public static RunFolder best(List<RunFolder> folders) {
        return folders.stream().min(Comparator.comparing((RunFolder f) -> ShippingScore.of(f.metrics())))
                .orElseThrow();
    }
}
