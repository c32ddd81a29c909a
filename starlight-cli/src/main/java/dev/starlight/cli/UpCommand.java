package dev.starlight.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
 * ({@link PlatformLauncher}); their logs go to files under the state directory ({@link StateDir}).
 *
 * <p>Two ways it ends, with two messages: the user stops it (Ctrl-C or SIGTERM: a shutdown hook stops the children
 * and says "stopped"), or a child ends on its own (named with its exit code; the rest are stopped, exit code 4).
 * Whichever comes first claims the ending, so the other never prints.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts a local Kafka broker (KRaft, in a JVM) and the detector, monitor and explain services; "
                + "Ctrl-C stops them all within 5 s.",
            "HTTP listens on 127.0.0.1 only unless --bind says otherwise; the broker always listens on 127.0.0.1.",
            "State (Kafka topics with every earlier run's results, and the logs) stays in the state directory "
                + "between runs; --fresh empties it first.",
            "The trainer service runs on its own (see trainer-service/README.md)."})
public final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Detector HTTP port; the monitor listens on this port + 2 and the explainer on + 3 (default: ${DEFAULT-VALUE}).")
    int httpPort = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the services' HTTP listens on: 0.0.0.0 for every interface (the API keys are off "
                    + "in this local run, so anyone who reaches it can use it) (default: ${DEFAULT-VALUE}).")
    String bind = PlatformLauncher.LOOPBACK;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Broker data and logs, kept between runs (default: .starlight in your home directory).")
    Path stateDir = Path.of(System.getProperty("user.home"), ".starlight");

    @Option(names = "--fresh",
            description = "Empty the state directory first: earlier topics, results and logs are deleted (only in a directory starlight up made).")
    boolean fresh;

    @Option(names = "--detector-only", description = "Start the broker and the detector only.")
    boolean detectorOnly;

    @Option(names = "--require-approval",
            description = "Detector serves a published model only once the monitor approves it (champion/challenger).")
    boolean requireApproval;

    @Option(names = "--home", paramLabel = "DIR", description = "The Starlight checkout holding the built services (default: set by bin/starlight).")
    Path home = Path.of(System.getProperty("starlight.home", "."));

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        StateDir state = new StateDir(stateDir);
        List<String> modules = detectorOnly ? List.of("starlight-broker", "detector-service")
                : List.of("starlight-broker", "detector-service", "monitor-service", "explain-service");
        try (PlatformLauncher platform = new PlatformLauncher(home, state.path(), kafkaPort, bind)) {
            for (String module : modules) {
                Path p = platform.jar(module);
                if (!Files.isRegularFile(p)) {
                    err.println("starlight up: " + p + " is not built; run bin/starlight up (it builds what is missing)");
                    return ExitCodes.INPUT_ERROR;
                }
            }
            if (!prepareState(state, err)) {
                return ExitCodes.INPUT_ERROR;
            }
            PlatformWatch watch = new PlatformWatch(platform, state.path(), err);
            Runtime.getRuntime().addShutdownHook(new Thread(watch::stopOnRequest, "up-stop"));
            try {
                startAll(platform, state.path());
            } catch (IllegalStateException e) {
                if (platform.stopping()) {
                    return awaitHalt();
                }
                throw e;
            }
            printWhereTheyListen(platform.httpHost(), state.path());
            return watch.watch() == PlatformWatch.Ending.CHILD_EXITED ? ExitCodes.SCAN_ERRORS : awaitHalt();
        }
    }

    /** Empties the state directory for {@code --fresh}, or says that an earlier run's results are still there. */
    private boolean prepareState(StateDir state, PrintWriter err) throws IOException {
        if (fresh) {
            try {
                state.empty();
            } catch (IOException e) {
                err.println("starlight up: " + e.getMessage());
                return false;
            }
            state.prepare();
            err.println("starlight up: state in " + state.path() + ": emptied (--fresh), this run starts clean");
        } else {
            boolean earlier = state.holdsEarlierRun();
            state.prepare();
            err.println("starlight up: state in " + state.path() + " (Kafka topics and logs, kept between runs)"
                    + (earlier ? "; an earlier run's topics and results are still there (--fresh starts clean)" : ""));
        }
        return true;
    }

    private void startAll(PlatformLauncher platform, Path dir) throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        String host = platform.httpHost();
        err.println("starlight up: starting the Kafka broker on localhost:" + kafkaPort + " ...");
        platform.startBroker(false, dir.resolve("broker.out"), false);

        err.println("starlight up: starting the detector on http://" + host + ":" + httpPort + " ...");
        // decoders refuse images needing more than half the heap (ImageLimits.checkHeap): 1.5 GiB decodes ~38 MP
        platform.startService("detector-service", "1536m", httpPort,
                List.of("-Dstarlight.detector.api.auth-enabled=false",
                        "-Dstarlight.detector.require-approval=" + requireApproval),
                dir.resolve("detector.out"));
        platform.awaitReady("detector", httpPort, Duration.ofSeconds(180));
        if (!detectorOnly) {
            err.println("starlight up: starting the monitor on http://" + host + ":" + (httpPort + 2)
                    + " and the explainer on http://" + host + ":" + (httpPort + 3) + " ...");
            platform.startService("monitor-service", "384m", httpPort + 2, List.of(), dir.resolve("monitor.out"));
            platform.startService("explain-service", "512m", httpPort + 3, List.of(), dir.resolve("explain.out"));
            platform.awaitReady("monitor", httpPort + 2, Duration.ofSeconds(180));
            platform.awaitReady("explainer", httpPort + 3, Duration.ofSeconds(180));
        }
    }

    private void printWhereTheyListen(String host, Path dir) {
        var out = spec.commandLine().getOut();
        out.println("starlight is up:");
        out.println("  Kafka broker   localhost:" + kafkaPort + "   (topics starlight.scan.requests -> starlight.scan.results, ...)");
        out.println("  detector       http://" + host + ":" + httpPort + "/v1/scan   (Swagger UI /q/swagger-ui, metrics /q/metrics)");
        if (!detectorOnly) {
            out.println("  monitor        http://" + host + ":" + (httpPort + 2) + "/   (live dashboard; API /v1/monitoring)");
            out.println("  explainer      http://" + host + ":" + (httpPort + 3) + "/v1/explain");
        }
        out.println("  HTTP bound to  " + bind + (bind.equals(PlatformLauncher.LOOPBACK)
                ? " (this machine only; --bind 0.0.0.0 serves every interface)" : ""));
        out.println("  state, logs    " + dir + "/{broker,detector" + (detectorOnly ? "" : ",monitor,explain") + "}.out");
        out.println("try: bin/starlight scan --via-kafka localhost:" + kafkaPort + " IMAGE...   (Ctrl-C here stops everything)");
        out.flush();
    }

    /** The JVM is shutting down and the hook is stopping the children: nothing to add, wait for the halt. */
    private static int awaitHalt() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
        return ExitCodes.SCAN_ERRORS;
    }
}
