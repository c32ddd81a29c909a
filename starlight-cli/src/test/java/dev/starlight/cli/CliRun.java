package dev.starlight.cli;

import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/** One in-process run of {@code starlight ARGS} through picocli, with standard output and error captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return run(new CommandLine(new StarlightCli()), args);
    }

    /** Runs with {@code scan} scanning through {@code scanners} instead of the core scanner (the test seam). */
    static CliRun withScanner(Function<ScanOptions, ImageScanner> scanners, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ScanCommand.class ? type.cast(new ScanCommand(scanners))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        return run(new CommandLine(new StarlightCli(), factory), args);
    }

    private static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\r?\n"));
    }

    List<ScanResult> jsonResults() {
        return outLines().stream().map(ScanResultJson::read).toList();
    }
}
