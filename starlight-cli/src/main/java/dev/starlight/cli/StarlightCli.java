package dev.starlight.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code starlight} command: picocli's top command, holding the subcommands and the exit-code contract. */
@Command(name = "starlight",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds, hides and recovers messages in images (PNG, GIF, BMP, JPEG, WebP).",
        subcommands = {ScanCommand.class, EmbedCommand.class, ExtractCommand.class, EvalCommand.class,
            DatasetCommand.class, CalibrateCommand.class, JpegFitCommand.class, UpCommand.class, ApiKeyCommand.class,
            HostileCommand.class, TrainerCommands.Train.class, TrainerCommands.Models.class,
            TrainerCommands.Report.class},
        exitCodeOnInvalidInput = ExitCodes.INPUT_ERROR,
        exitCodeOnExecutionException = ExitCodes.INPUT_ERROR,
        exitCodeListHeading = "%nExit codes (when several apply, the first in this list wins):%n",
        exitCodeList = {
            "2:usage or input error (bad option, unreadable cover, failed embed, extract error)",
            "3:scan found stego and --fail-on-stego was given",
            "4:scan: some files could not be scanned (error rows)",
            "1:extract: no message found",
            "0:success (scan: no stego, or stego without --fail-on-stego)"})
public final class StarlightCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: see starlight --help");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line as {@link #main} runs it: UTF-8 output whatever the platform charset. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StarlightCli());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli;
    }
}
