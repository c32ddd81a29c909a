package dev.starlight.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code train}, {@code models} and {@code report}: listed in {@code starlight --help}, but run by the trainer's own
 * jar (it carries PyTorch, so this CLI stays small). {@code bin/starlight} hands these three commands to that jar
 * before this CLI starts; run here directly, they say so and exit 2.
 */
final class TrainerCommands {
    private TrainerCommands() {
    }

    /** What each of the three does when this jar is run directly instead of through {@code bin/starlight}. */
    abstract static class RunsInTrainer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() {
            String name = spec.name();
            spec.commandLine().getErr().println("starlight " + name + ": runs in the trainer's own jar; use bin/starlight "
                    + name + " (bin/starlight " + name + " --help lists its options)");
            return ExitCodes.INPUT_ERROR;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains a detection model on a set made by `starlight dataset --training` (runs the trainer).",
                "bin/starlight runs this command with the trainer's own jar: `bin/starlight train --help` lists its "
                    + "options; see starlight-trainer/README.md."})
    static final class Train extends RunsInTrainer {
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = {"Compares and picks trained models and makes their signing keys (runs the trainer).",
                "bin/starlight runs this command with the trainer's own jar: `bin/starlight models --help` lists its "
                    + "subcommands (compare, pick, keygen); see starlight-trainer/README.md."})
    static final class Models extends RunsInTrainer {
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Writes research reports on trained models (runs the trainer).",
                "bin/starlight runs this command with the trainer's own jar: `bin/starlight report --help` lists its "
                    + "subcommands; see starlight-trainer/README.md."})
    static final class Report extends RunsInTrainer {
    }
}
