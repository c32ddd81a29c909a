package dev.starlight.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The trainer's commands, run by {@code bin/starlight train|models|report} (a separate jar from the scanner's CLI:
 * it carries PyTorch).
 */
@Command(name = "starlight", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.class, ModelsCommand.class, ReportCommand.class},
        description = "Trains, compares and reports on Starlight models.")
public final class TrainerCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainerCli()).execute(args));
    }
}
