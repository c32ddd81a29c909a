package dev.starlight.trainer.cli;

import picocli.CommandLine.Command;

/** {@code starlight models}: commands over trained models. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = {CompareCommand.class, PickCommand.class},
        description = "Commands over trained models (run folders with metrics.json).")
public final class ModelsCommand {
}
