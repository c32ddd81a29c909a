package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starlight up}'s state directory: what {@code --fresh} deletes, and what it never touches. */
class StateDirTest {
    @TempDir
    Path tmp;

    @Test
    void freshEmptiesTheStateDirAndNothingOutsideIt() throws IOException {
        Path dir = tmp.resolve("state");
        StateDir state = new StateDir(dir);
        state.prepare();
        Files.createDirectories(dir.resolve("kafka/starlight.scan.results-0"));
        Files.writeString(dir.resolve("kafka/starlight.scan.results-0/00000.log"), "records");
        Files.writeString(dir.resolve("detector.out"), "log");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.writeString(tmp.resolve("sibling.txt"), "keep");
        assertThat(state.holdsEarlierRun()).isTrue();

        state.empty();

        try (var left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly(StateDir.MARKER);
        }
        assertThat(state.holdsEarlierRun()).isFalse();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        assertThat(tmp.resolve("sibling.txt")).hasContent("keep");
    }

    @Test
    void aDirectoryUpDidNotMakeIsNeverEmptied() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        Files.createDirectories(home.resolve("kafka"));
        StateDir state = new StateDir(home);

        assertThat(state.managed()).isFalse();
        state.prepare();
        assertThat(home.resolve(StateDir.MARKER)).doesNotExist();
        assertThatThrownBy(state::empty).isInstanceOf(IOException.class).hasMessageContaining("did not write");
        assertThat(home.resolve("notes.txt")).hasContent("mine");
        assertThat(home.resolve("kafka")).isDirectory();
    }

    @Test
    void aStateDirFromARunBeforeTheMarkerIsAdopted() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(dir.resolve("kafka/meta"));
        Files.writeString(dir.resolve("broker.out"), "log");
        StateDir state = new StateDir(dir);

        assertThat(state.managed()).isTrue();
        state.prepare();
        assertThat(dir.resolve(StateDir.MARKER)).exists();
        state.empty();
        assertThat(dir.resolve("kafka")).doesNotExist();
    }

    @Test
    void upFreshRefusesAForeignDirectoryBeforeStartingAnything() throws IOException {
        Path home = tmp.resolve("checkout");
        for (String jar : new String[] {"starlight-broker/target/starlight-broker.jar",
            "detector-service/target/quarkus-app/quarkus-run.jar"}) {
            Files.createDirectories(home.resolve(jar).getParent());
            Files.writeString(home.resolve(jar), "not started in this test");
        }
        Path foreign = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(foreign.resolve("thesis.tex"), "mine");

        CliRun run = CliRun.of("up", "--detector-only", "--fresh", "--home", home.toString(),
                "--state-dir", foreign.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err()).contains("--fresh empties only a state directory of its own");
        assertThat(foreign.resolve("thesis.tex")).hasContent("mine");
    }
}
