package dev.starlight.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short fault run in CI: the real broker and detector jars as child processes, a detector SIGKILLed and
 * restarted, the broker SIGKILLed and restarted, two bad models and a flood, with requests flowing throughout.
 * The 100,000-request run is {@code bin/reliability chaos} (docs/reliability.md).
 */
class ChaosRunTest {

    @Test
    void everyRequestIsAnsweredThroughKillsRestartsBadModelsAndAFlood(@TempDir Path out) throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        assertThat(home.resolve("detector-service/target/quarkus-app/quarkus-run.jar")).exists();
        assertThat(home.resolve("starlight-broker/target/starlight-broker.jar")).exists();

        ChaosRun.Summary s = ChaosRun.run(new ChaosRun.Options(3000, 150, 800, 1, 64, out, home, freePort(),
                freePort(), 3));

        String report = Files.readString(out.resolve("summary.txt"));
        assertThat(report).contains("detector SIGKILL #1", "broker SIGKILL", "broker restarted and ready",
                "published a corrupt model envelope", "flood of 800 requests starts");
        assertThat(s.produced()).isEqualTo(3000);
        assertThat(s.lost()).isEmpty();
        assertThat(s.answered()).isEqualTo(3000);
        assertThat(s.disagreeing()).isZero();
        assertThat(s.stuck()).isFalse();
        assertThat(s.servingAfter()).as("bad models are refused").isEqualTo(s.servingBefore());
        assertThat(s.memoryBack()).as("heap %s MiB -> %s MiB", s.heapBeforeMiB(), s.heapAfterMiB()).isTrue();
        assertThat(out.resolve("timeline.csv")).exists();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
