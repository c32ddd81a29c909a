package dev.starlight.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code starlight up}: the local platform on one machine, no Docker. Starts a single-node KRaft broker with the
 * topics created (starlight-broker), then the detector, monitor and explain services against it, waits until each
 * is ready, prints where they listen, and stops them all on Ctrl-C. Each runs as its own process, as in production
 * ({@link PlatformLauncher}); their logs go to files under the state directory.
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

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        try (PlatformLauncher platform = new PlatformLauncher(home, stateDir, kafkaPort)) {
            List<String> modules = detectorOnly ? List.of("starlight-broker", "detector-service")
                    : List.of("starlight-broker", "detector-service", "monitor-service", "explain-service");
            for (String module : modules) {
                Path p = platform.jar(module);
                if (!Files.isRegularFile(p)) {
                    err.println("starlight up: " + p + " is not built; run bin/starlight up (it builds what is missing)");
                    return ExitCodes.INPUT_ERROR;
                }
            }
            Files.createDirectories(stateDir);

            err.println("starlight up: starting the Kafka broker on localhost:" + kafkaPort + " ...");
            platform.startBroker(fresh, stateDir.resolve("broker.out"), false);

            err.println("starlight up: starting the detector on http://localhost:" + httpPort + " ...");
            // decoders refuse images needing more than half the heap (ImageLimits.checkHeap): 1.5 GiB decodes ~38 MP
            platform.startService("detector-service", "1536m", httpPort,
                    List.of("-Dstarlight.detector.api.auth-enabled=false",
                            "-Dstarlight.detector.require-approval=" + requireApproval),
                    stateDir.resolve("detector.out"));
            platform.awaitReady("detector", httpPort, Duration.ofSeconds(180));
            if (!detectorOnly) {
                err.println("starlight up: starting the monitor on http://localhost:" + (httpPort + 2) + " and the explainer on"
                        + " http://localhost:" + (httpPort + 3) + " ...");
                platform.startService("monitor-service", "384m", httpPort + 2, List.of(), stateDir.resolve("monitor.out"));
                platform.startService("explain-service", "512m", httpPort + 3, List.of(), stateDir.resolve("explain.out"));
                platform.awaitReady("monitor", httpPort + 2, Duration.ofSeconds(180));
                platform.awaitReady("explainer", httpPort + 3, Duration.ofSeconds(180));
            }
            printWhereTheyListen();
            while (platform.allAlive()) {
                Thread.sleep(500);
            }
            err.println("starlight up: a service stopped; see the logs above. Stopping the rest.");
            return ExitCodes.SCAN_ERRORS;
        }
    }

    private void printWhereTheyListen() {
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
    }
}
