package dev.starlight.trainer.cli;

import picocli.CommandLine.Command;

/** {@code starlight models}: commands over trained models. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = {CompareCommand.class, PickCommand.class,
        KeygenCommand.class},
        description = "Commands over trained models (run folders with metrics.json) and their signing keys.")
public final class ModelsCommand {
}
