package dev.starlight.bench.reliability;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker and one detector as child processes of this JVM, started from the jars the build made, so that a run
 * can kill and restart them. Logs go to {@code work/broker.out} and {@code work/detector-N.out}.
 */
final class LocalPlatform implements AutoCloseable {
    private final Path home;
    private final Path work;
    private final int kafkaPort;
    private final int httpPort;
    private final List<String> detectorOptions;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Process broker;
    private Process detector;
    private int detectorStarts;

    /**
     * @param detectorOptions extra {@code -D} options for the detector (e.g. {@code -Dstarlight.detector.cache-entries=0})
     */
    LocalPlatform(Path home, Path work, int kafkaPort, int httpPort, List<String> detectorOptions) {
        this.home = home;
        this.work = work;
        this.kafkaPort = kafkaPort;
        this.httpPort = httpPort;
        this.detectorOptions = List.copyOf(detectorOptions);
        // Ctrl-C or System.exit must not leave a broker or detector behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-platform-stop"));
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    String detectorUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Starts the broker on its data dir (wiped first when {@code fresh}) and waits for its port. */
    void startBroker(boolean fresh) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-jar",
                home.resolve("starlight-broker/target/starlight-broker.jar").toString(),
                "--port", String.valueOf(kafkaPort), "--data-dir", work.resolve("kafka").toString()));
        if (fresh) {
            cmd.add("--fresh");
        }
        Path log = work.resolve("broker.out");
        int readyLines = occurrences(log, "ready on");
        broker = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await("broker", broker, () -> portOpen(kafkaPort), Duration.ofSeconds(120));
        // the port opens before the topics exist; the ready line is printed after they do
        await("broker topics", broker, () -> occurrences(log, "ready on") > readyLines, Duration.ofSeconds(120));
    }

    /** Starts a detector and waits until it reports ready (warm-up done, model loaded). */
    void startDetector() throws IOException, InterruptedException {
        detectorStarts++;
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-Dkafka.bootstrap.servers=" + bootstrap(),
                "-Dquarkus.http.port=" + httpPort, "-Dstarlight.detector.api.auth-enabled=false"));
        cmd.addAll(detectorOptions);
        cmd.addAll(List.of("-jar", home.resolve("detector-service/target/quarkus-app/quarkus-run.jar").toString()));
        detector = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("detector-" + detectorStarts + ".out").toFile()).start();
        await("detector", detector, () -> httpOk(detectorUrl() + "/q/health/ready"), Duration.ofSeconds(180));
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    void killDetector() throws InterruptedException {
        detector.destroyForcibly();
        detector.waitFor(30, TimeUnit.SECONDS);
    }

    void killBroker() throws InterruptedException {
        broker.destroyForcibly();
        broker.waitFor(30, TimeUnit.SECONDS);
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
    public synchronized void close() {
        for (Process p : new Process[] {detector, broker}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private interface Check {
        boolean ok();
    }

    private void await(String what, Process process, Check check, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + work);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready within " + limit.toSeconds() + " s; see " + work);
            }
            Thread.sleep(200);
        }
    }

    private static int occurrences(Path log, String text) {
        try {
            String s = Files.readString(log, StandardCharsets.ISO_8859_1);
            int n = 0;
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean httpOk(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
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
