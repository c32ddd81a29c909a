package dev.starlight.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** The help of {@code bin/starlight train|models|report}: whole sentences, no picocli warnings, every command. */
class TrainerHelpTest {

    @Test
    void everyCommandsHelpPrintsWithoutAnyWarning() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            // picocli writes its formatting warnings to System.err, not to the command line's error writer
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine command : allCommands()) {
                List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
                args.remove(0); // the root's own name
                args.add("--help");
                CommandLine cli = new CommandLine(new TrainerCli());
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cli.setOut(new PrintWriter(out, true));
                cli.setErr(new PrintWriter(err, true));
                assertThat(cli.execute(args.toArray(String[]::new))).as(args.toString()).isZero();
                assertThat(err.toString()).as(args.toString()).isEmpty();
                assertThat(out.toString()).as(args.toString())
                        .startsWith("Usage: " + command.getCommandSpec().qualifiedName(" "));
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyDescriptionLineEndsItsSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine command : allCommands()) {
            var spec = command.getCommandSpec();
            for (String line : spec.usageMessage().description()) {
                check(spec.qualifiedName() + " description", line, cut);
            }
            for (ArgSpec arg : spec.args()) {
                for (String line : arg.description()) {
                    check(spec.qualifiedName() + " " + arg.paramLabel(), line, cut);
                }
            }
        }
        assertThat(cut).as("description lines that do not end a sentence").isEmpty();
    }

    private static void check(String where, String line, List<String> cut) {
        if (!line.strip().matches("(?s).*[.)]$")) {
            cut.add(where + ": " + line);
        }
    }

    /** The root and every command under it, depth first. */
    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new TrainerCli()), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
