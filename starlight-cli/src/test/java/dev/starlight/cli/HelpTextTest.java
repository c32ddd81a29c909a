package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help a user reads: every command listed, every description a whole sentence, no picocli warnings. */
class HelpTextTest {
    private static final List<String> TRAINER_COMMANDS = List.of("train", "models", "report");

    @Test
    void rootHelpListsEveryCommandIncludingTheTrainersOnesWithAWholeSentenceEach() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        Map<String, CommandLine> subcommands = new CommandLine(new StarlightCli()).getSubcommands();
        assertThat(subcommands.keySet()).contains("scan", "embed", "extract", "eval", "dataset", "calibrate", "up",
                "apikey", "hostile", "train", "models", "report");
        List<String> entries = commandEntries(run.out());
        assertThat(entries).extracting(e -> e.split(" ")[0]).containsExactlyElementsOf(subcommands.keySet());
        for (String entry : entries) {
            assertThat(entry).as("root help entry").matches(".*[.)]$");
        }
        for (String trainer : TRAINER_COMMANDS) {
            assertThat(entries).filteredOn(e -> e.startsWith(trainer + " ")).singleElement().asString()
                    .contains("(runs the trainer)");
        }
    }

    @Test
    void everyCommandsHelpPrintsWithoutAnyWarning() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            // picocli writes its formatting warnings to System.err, not to the command line's error writer
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String command : commandNames()) {
                CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
                assertThat(run.exitCode()).as(command).isZero();
                assertThat(run.err()).as(command).isEmpty();
                assertThat(run.out()).as(command).startsWith(("Usage: starlight " + command).trim());
                assertThat(run.out()).as(command).doesNotContain("%n", "[picocli");
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyDescriptionLineEndsItsSentence() {
        CommandSpec root = new CommandLine(new StarlightCli()).getCommandSpec();
        List<String> cut = new ArrayList<>();
        Stream.concat(Stream.of(root), root.subcommands().values().stream().map(CommandLine::getCommandSpec))
                .forEach(spec -> {
                    for (String line : spec.usageMessage().description()) {
                        check(spec.qualifiedName() + " description", line, cut);
                    }
                    for (ArgSpec arg : spec.args()) {
                        for (String line : arg.description()) {
                            check(spec.qualifiedName() + " " + arg.paramLabel(), line, cut);
                        }
                    }
                });
        assertThat(cut).as("description lines that do not end a sentence").isEmpty();
    }

    @Test
    void trainerCommandsRunHereSayWhereTheyRun() {
        CliRun run = CliRun.of("train", "--data", "set/", "--out", "run/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err()).contains("starlight train: runs in the trainer's own jar; use bin/starlight train");
    }

    private static void check(String where, String line, List<String> cut) {
        if (!line.strip().matches("(?s).*[.)]$")) {
            cut.add(where + ": " + line);
        }
    }

    private static List<String> commandNames() {
        List<String> names = new ArrayList<>(List.of(""));
        names.addAll(new CommandLine(new StarlightCli()).getSubcommands().keySet());
        return names;
    }

    /** The "Commands:" section of a help text, one string per command with its wrapped lines joined. */
    private static List<String> commandEntries(String help) {
        List<String> entries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.split("\r?\n")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.strip().replaceAll("\\s+", " "));
            } else if (inCommands) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        return entries;
    }
}
