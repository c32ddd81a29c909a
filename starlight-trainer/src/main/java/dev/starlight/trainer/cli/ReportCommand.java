package dev.starlight.trainer.cli;

import picocli.CommandLine.Command;

/** {@code starlight report}: research reports written into docs/reports/. */
@Command(name = "report", mixinStandardHelpOptions = true,
        subcommands = {StreamsReportCommand.class, TripletReportCommand.class, RobustnessCommand.class},
        description = "Writes research reports on trained models.")
public final class ReportCommand {
}
