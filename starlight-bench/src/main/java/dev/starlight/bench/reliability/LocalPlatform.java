package dev.starlight.bench.reliability;

import dev.starlight.cli.PlatformLauncher;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker and one detector as child processes of this JVM, started by the CLI's {@link PlatformLauncher} from the
 * jars the build made, so that a run can kill and restart them and measure the detector. Logs go to
 * {@code work/broker.out} and {@code work/detector-N.out}.
 */
final class LocalPlatform implements AutoCloseable {
    private final PlatformLauncher launcher;
    private final Path work;
    private final int httpPort;
    private final List<String> detectorOptions;
    private Process broker;
    private Process detector;
    private int detectorStarts;

    /**
     * @param detectorOptions extra {@code -D} options for the detector (e.g. {@code -Dstarlight.detector.cache-entries=0})
     */
    LocalPlatform(Path home, Path work, int kafkaPort, int httpPort, List<String> detectorOptions) {
        this.launcher = new PlatformLauncher(home, work, kafkaPort);
        this.work = work;
        this.httpPort = httpPort;
        this.detectorOptions = List.copyOf(detectorOptions);
    }

    String bootstrap() {
        return launcher.bootstrap();
    }

    String detectorUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Starts the broker on its data dir (wiped first when {@code fresh}) and waits until its topics exist. */
    void startBroker(boolean fresh) throws IOException, InterruptedException {
        broker = launcher.startBroker(fresh, work.resolve("broker.out"), true);
    }

    /** Starts a detector and waits until it reports ready (warm-up done, model loaded). */
    void startDetector() throws IOException, InterruptedException {
        detectorStarts++;
        List<String> options = new ArrayList<>(List.of("-Dstarlight.detector.api.auth-enabled=false"));
        options.addAll(detectorOptions);
        detector = launcher.startService("detector-service", "768m", httpPort, options,
                work.resolve("detector-" + detectorStarts + ".out"));
        launcher.awaitReady("detector", httpPort, Duration.ofSeconds(180));
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    void killDetector() throws InterruptedException {
        launcher.kill(detector);
    }

    void killBroker() throws InterruptedException {
        launcher.kill(broker);
    }

    boolean detectorAlive() {
        return detector != null && detector.isAlive();
    }

    long detectorPid() {
        return detector.pid();
    }

    /** Resident set size of the detector, in MiB, from /proc (Linux); -1 where unknown. */
    double detectorRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(detector.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Asks the detector's JVM for a full GC (jcmd), then returns heap used in MiB as its /q/metrics reports it. */
    double detectorHeapAfterGcMiB() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(detector.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(500);
        double bytes = 0;
        for (String line : httpGet(detectorUrl() + "/q/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024 * 1024);
    }

    @Override
    public void close() {
        launcher.close();
    }

    private static String httpGet(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(10000);
        try (var in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
