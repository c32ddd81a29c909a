package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineContractTest {

    @Test
    void helpListsTheCommandsAndTheExitCodesInPrecedenceOrder() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scan", "embed", "extract", "Exit codes");
        int two = run.out().indexOf("  2   usage or input error");
        int three = run.out().indexOf("  3   scan found stego");
        int four = run.out().indexOf("  4   scan: some files");
        int one = run.out().indexOf("  1   extract: no message found");
        int zero = run.out().indexOf("  0   success");
        assertThat(two).isPositive();
        assertThat(new int[] {two, three, four, one, zero}).isSorted();
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("starlight 0.").doesNotContain("${");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"scan", "embed", "extract"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: starlight " + command);
        }
    }
}
