package dev.starlight.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code starlight up}: the local platform on one machine, no Docker. Starts a single-node KRaft broker with the
 * topics created (starlight-broker), then the detector, monitor and explain services against it, waits until each
 * is ready, prints where they listen, and stops them all on Ctrl-C. Each runs as its own process, as in production; their logs go to
 * files under the state directory.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts a local Kafka broker (KRaft, in a JVM) and the detector, monitor and explain services;",
            "Ctrl-C stops them all. The trainer service runs on its own (see trainer-service/README.md)."})
public final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--http-port", description = "Detector HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort = 8080;

    @Option(names = "--state-dir", description = "Broker data and logs (default: ~/.starlight).")
    Path stateDir = Path.of(System.getProperty("user.home"), ".starlight");

    @Option(names = "--fresh", description = "Start with an empty broker (deletes earlier topics and records).")
    boolean fresh;

    @Option(names = "--detector-only", description = "Start the broker and the detector only.")
    boolean detectorOnly;

    @Option(names = "--require-approval",
            description = "Detector serves a published model only once the monitor approves it (champion/challenger).")
    boolean requireApproval;

    @Option(names = "--home", description = "The Starlight checkout holding the built services (default: set by bin/starlight).")
    Path home = Path.of(System.getProperty("starlight.home", "."));

    private final List<Process> processes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Path brokerJar = home.resolve("starlight-broker/target/starlight-broker.jar");
        Path detectorJar = home.resolve("detector-service/target/quarkus-app/quarkus-run.jar");
        Path monitorJar = home.resolve("monitor-service/target/quarkus-app/quarkus-run.jar");
        Path explainJar = home.resolve("explain-service/target/quarkus-app/quarkus-run.jar");
        List<Path> needed = detectorOnly ? List.of(brokerJar, detectorJar)
                : List.of(brokerJar, detectorJar, monitorJar, explainJar);
        for (Path p : needed) {
            if (!Files.isRegularFile(p)) {
                err.println("starlight up: " + p + " is not built; run bin/starlight up (it builds what is missing)");
                return ExitCodes.INPUT_ERROR;
            }
        }
        Files.createDirectories(stateDir);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "starlight-up-stop"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> broker = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", brokerJar.toString(),
                "--port", String.valueOf(kafkaPort), "--data-dir", stateDir.resolve("kafka").toString()));
        if (fresh) {
            broker.add("--fresh");
        }
        err.println("starlight up: starting the Kafka broker on localhost:" + kafkaPort + " ...");
        start(broker, stateDir.resolve("broker.out"));
        waitFor("broker", () -> portOpen(kafkaPort), Duration.ofSeconds(120));

        err.println("starlight up: starting the detector on http://localhost:" + httpPort + " ...");
        // decoders refuse images needing more than half the heap (ImageLimits.checkHeap): 1.5 GiB decodes ~38 MP
        start(List.of(java, "-Xmx1536m", "-Dkafka.bootstrap.servers=localhost:" + kafkaPort,
                "-Dquarkus.http.port=" + httpPort, "-Dstarlight.detector.api.auth-enabled=false",
                "-Dstarlight.detector.require-approval=" + requireApproval,
                "-jar", detectorJar.toString()), stateDir.resolve("detector.out"));
        waitFor("detector", () -> httpOk("http://localhost:" + httpPort + "/q/health/ready"), Duration.ofSeconds(180));
        if (!detectorOnly) {
            err.println("starlight up: starting the monitor on http://localhost:" + (httpPort + 2) + " and the explainer on"
                    + " http://localhost:" + (httpPort + 3) + " ...");
            start(List.of(java, "-Xmx384m", "-Dkafka.bootstrap.servers=localhost:" + kafkaPort,
                    "-Dquarkus.http.port=" + (httpPort + 2), "-jar", monitorJar.toString()), stateDir.resolve("monitor.out"));
            start(List.of(java, "-Xmx512m", "-Dkafka.bootstrap.servers=localhost:" + kafkaPort,
                    "-Dquarkus.http.port=" + (httpPort + 3), "-jar", explainJar.toString()), stateDir.resolve("explain.out"));
            waitFor("monitor", () -> httpOk("http://localhost:" + (httpPort + 2) + "/q/health/ready"), Duration.ofSeconds(180));
            waitFor("explainer", () -> httpOk("http://localhost:" + (httpPort + 3) + "/q/health/ready"), Duration.ofSeconds(180));
        }

        var out = spec.commandLine().getOut();
        out.println("starlight is up:");
        out.println("  Kafka broker   localhost:" + kafkaPort + "   (topics starlight.scan.requests -> starlight.scan.results, ...)");
        out.println("  detector       http://localhost:" + httpPort + "/v1/scan   (Swagger UI /q/swagger-ui, metrics /q/metrics)");
        if (!detectorOnly) {
            out.println("  monitor        http://localhost:" + (httpPort + 2) + "/   (live dashboard; API /v1/monitoring)");
            out.println("  explainer      http://localhost:" + (httpPort + 3) + "/v1/explain");
        }
        out.println("  logs           " + stateDir + "/{broker,detector" + (detectorOnly ? "" : ",monitor,explain") + "}.out");
        out.println("try: bin/starlight scan --via-kafka localhost:" + kafkaPort + " IMAGE...   (Ctrl-C here stops everything)");
        out.flush();
        while (processes.stream().allMatch(Process::isAlive)) {
            Thread.sleep(500);
        }
        err.println("starlight up: a service stopped; see the logs above. Stopping the rest.");
        stopAll();
        return ExitCodes.SCAN_ERRORS;
    }

    private void start(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ready, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline || processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(what + " did not become ready; see its log in " + stateDir);
            }
            Thread.sleep(300);
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

    private synchronized void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
