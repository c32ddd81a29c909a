package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code starlight up} ends, with real child processes: the user's stop and a child's own exit read differently. */
class PlatformWatchTest {
    @TempDir
    Path tmp;

    @Test
    void aChildExitingOnItsOwnIsNamedWithItsExitCodeAndTheRestAreStopped() throws Exception {
        StringWriter err = new StringWriter();
        try (PlatformLauncher launcher = new PlatformLauncher(tmp, tmp, 1)) {
            Process broker = launcher.startChild("broker", true, List.of("sleep", "300"), tmp.resolve("broker.out"), false);
            launcher.startChild("detector-service", false, List.of("sh", "-c", "sleep 1; exit 3"),
                    tmp.resolve("detector.out"), false);
            PlatformWatch watch = new PlatformWatch(launcher, tmp, new PrintWriter(err, true));

            assertThat(watch.watch()).isEqualTo(PlatformWatch.Ending.CHILD_EXITED);
            watch.stopOnRequest(); // the shutdown hook at System.exit: the ending is already told
            assertThat(broker.isAlive()).isFalse();
        }
        assertThat(err.toString())
                .contains("starlight up: a service stopped: detector-service exited on its own with code 3; see its log "
                        + tmp.resolve("detector.out"))
                .doesNotContain("starlight up: stopped");
    }

    @Test
    void aUserStopSaysStoppedAndBlamesNoService() throws Exception {
        StringWriter err = new StringWriter();
        try (PlatformLauncher launcher = new PlatformLauncher(tmp, tmp, 1)) {
            Process broker = launcher.startChild("broker", true, List.of("sleep", "300"), tmp.resolve("broker.out"), false);
            Process detector = launcher.startChild("detector-service", false,
                    PlatformLauncherTest.ignoringSigterm(), tmp.resolve("detector.out"), false);
            PlatformWatch watch = new PlatformWatch(launcher, tmp, new PrintWriter(err, true));
            Thread hook = new Thread(() -> {
                sleepQuietly(500);
                watch.stopOnRequest();
            });
            hook.start();

            assertThat(watch.watch()).isEqualTo(PlatformWatch.Ending.USER_STOPPED);
            hook.join();
            assertThat(broker.isAlive()).isFalse();
            assertThat(detector.isAlive()).isFalse();
        }
        assertThat(err.toString()).contains("starlight up: stopped (").doesNotContain("a service stopped");
    }

    @Test
    void logNamesAreTheOnesUpWrites() {
        assertThat(PlatformWatch.logName("broker")).isEqualTo("broker.out");
        assertThat(PlatformWatch.logName("detector-service")).isEqualTo("detector.out");
        assertThat(PlatformWatch.logName("monitor-service")).isEqualTo("monitor.out");
        assertThat(PlatformWatch.logName("explain-service")).isEqualTo("explain.out");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
