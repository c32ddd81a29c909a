package dev.starlight.cli;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts the local platform's parts as child processes of this JVM from the jars the build made: the broker
 * (starlight-broker) and the Quarkus services, each against {@code localhost:kafkaPort}, with its output in a log
 * file. Used by {@code starlight up} and by the bench's fault and soak runs.
 *
 * <p>The services' HTTP listens on the bind address only (127.0.0.1 unless told otherwise); the broker is always on
 * 127.0.0.1. Children ignore SIGINT: Ctrl-C reaches the whole foreground process group, and a broker that stopped on
 * its own Ctrl-C before the services would leave their Kafka clients waiting for it. They are stopped by
 * {@link #close()} instead, also run on Ctrl-C or {@code System.exit}: the services all at once, then the broker,
 * within {@link #STOP_LIMIT} in total.
 */
public final class PlatformLauncher implements AutoCloseable {
    /** The most {@link #close()} takes: SIGTERM, a wait, then SIGKILL for what is left. */
    public static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    /** The default bind address of the services' HTTP. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The share of {@link #STOP_LIMIT} the services get before the broker is asked to stop. */
    private static final double SERVICES_SHARE = 0.6;
    private static final Duration KILL_WAIT = Duration.ofMillis(200);

    /** A child that has ended, by the name it was started under. */
    record ChildExit(String name, int exitCode) {
    }

    private record Child(String name, Process process, boolean broker) {
    }

    private final Path home;
    private final Path logDir;
    private final int kafkaPort;
    private final String bindAddress;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Child> running = new ArrayList<>();
    private volatile boolean stopping;

    /** A launcher whose services listen on 127.0.0.1 only. */
    public PlatformLauncher(Path home, Path logDir, int kafkaPort) {
        this(home, logDir, kafkaPort, LOOPBACK);
    }

    /**
     * @param home        the Starlight checkout holding the built jars
     * @param logDir      where relative log names and failure messages point
     * @param kafkaPort   the broker's port on localhost
     * @param bindAddress the address the services' HTTP listens on ({@code 0.0.0.0}: every interface)
     */
    public PlatformLauncher(Path home, Path logDir, int kafkaPort, String bindAddress) {
        this.home = home;
        this.logDir = logDir;
        this.kafkaPort = kafkaPort;
        this.bindAddress = bindAddress;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "platform-stop"));
    }

    /** The runnable jar of a module: the broker's shaded jar or a Quarkus service's {@code quarkus-run.jar}. */
    public Path jar(String module) {
        return module.equals("starlight-broker") ? home.resolve("starlight-broker/target/starlight-broker.jar")
                : home.resolve(module + "/target/quarkus-app/quarkus-run.jar");
    }

    public String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    /**
     * Where a client on this machine reaches a service: {@code localhost} when the services listen on loopback or
     * on every interface, else the bind address itself.
     */
    public String httpHost() {
        return switch (bindAddress) {
            case LOOPBACK, "0.0.0.0", "localhost" -> "localhost";
            case "::", "[::]", "::1", "[::1]" -> "[::1]";
            default -> bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
        };
    }

    /**
     * Starts the broker on {@code <logDir>/kafka} (wiped first when {@code fresh}) and waits until it printed that it
     * is ready, which it does once the topics exist.
     *
     * @param appendLog keep what {@code log} holds (a restart in the same run) instead of starting it afresh
     */
    public Process startBroker(boolean fresh, Path log, boolean appendLog) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar("starlight-broker").toString(),
                "--port", String.valueOf(kafkaPort), "--data-dir", logDir.resolve("kafka").toString()));
        if (fresh) {
            cmd.add("--fresh");
        }
        int readyLines = appendLog ? occurrences(log, "ready on") : 0;
        Process broker = startChild("broker", true, cmd, log, appendLog);
        await("broker", () -> portOpen(kafkaPort), Duration.ofSeconds(120));
        await("broker topics", () -> occurrences(log, "ready on") > readyLines, Duration.ofSeconds(120));
        return broker;
    }

    /**
     * Starts a Quarkus service against the broker, its HTTP on {@code bindAddress:httpPort}, without waiting; see
     * {@link #awaitReady}.
     *
     * @param maxHeap    the {@code -Xmx} value, e.g. {@code 512m}
     * @param jvmOptions further {@code -D} options
     */
    public Process startService(String module, String maxHeap, int httpPort, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-Dkafka.bootstrap.servers=" + bootstrap(),
                "-Dquarkus.http.host=" + bindAddress, "-Dquarkus.http.port=" + httpPort));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar(module).toString()));
        return startChild(module, false, cmd, log, false);
    }

    /** Waits until the service on {@code httpPort} answers its readiness check. */
    public void awaitReady(String what, int httpPort, Duration limit) throws InterruptedException {
        String host = httpHost().equals("localhost") ? LOOPBACK : httpHost();
        await(what, () -> httpOk("http://" + host + ":" + httpPort + "/q/health/ready"), limit);
    }

    /** Whether every process started and not killed is still running. */
    public synchronized boolean allAlive() {
        return running.stream().allMatch(c -> c.process().isAlive());
    }

    /** The first child (in start order) that has ended, if any; one killed through {@link #kill} is not counted. */
    synchronized Optional<ChildExit> firstExited() {
        return running.stream().filter(c -> !c.process().isAlive()).findFirst()
                .map(c -> new ChildExit(c.name(), c.process().exitValue()));
    }

    /** Whether {@link #close()} has begun: children ending from then on were stopped, not crashed. */
    public boolean stopping() {
        return stopping;
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    public void kill(Process process) throws InterruptedException {
        synchronized (this) {
            running.removeIf(c -> c.process() == process);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops every running process within {@link #STOP_LIMIT}: SIGTERM to all the services at once, a wait, SIGKILL
     * for those still running; then the same for the broker, so that no service is left waiting for it.
     */
    @Override
    public synchronized void close() {
        stopping = true;
        long start = System.nanoTime();
        long servicesDeadline = start + (long) (STOP_LIMIT.toNanos() * SERVICES_SHARE);
        long brokerDeadline = start + STOP_LIMIT.toNanos() - 2 * KILL_WAIT.toNanos();
        stopAtOnce(running.stream().filter(c -> !c.broker()).toList(), servicesDeadline);
        stopAtOnce(running.stream().filter(Child::broker).toList(), brokerDeadline);
    }

    /** SIGTERM to each, wait for all until {@code deadline} (a {@link System#nanoTime()}), then SIGKILL the rest. */
    private static void stopAtOnce(List<Child> children, long deadline) {
        List<Process> alive = children.stream().map(Child::process).filter(Process::isAlive).toList();
        alive.forEach(Process::destroy);
        boolean interrupted = false;
        for (Process p : alive) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    p.waitFor(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        alive.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        for (Process p : alive) {
            try {
                p.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code command} as a child named {@code name} with its output in {@code log}, SIGINT ignored (the
     * ignored disposition survives {@code exec}, and the JVM leaves an ignored SIGINT ignored).
     */
    synchronized Process startChild(String name, boolean broker, List<String> command, Path log, boolean append)
            throws IOException {
        List<String> ignoringInterrupt = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
        ignoringInterrupt.addAll(command);
        Process p = new ProcessBuilder(ignoringInterrupt).redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        running.add(new Child(name, p, broker));
        return p;
    }

    /** Polls {@code ready}; fails as soon as one of the running processes has exited, or after {@code limit}. */
    private void await(String what, BooleanSupplier ready, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.getAsBoolean()) {
            if (stopping) {
                throw new IllegalStateException("stopped while waiting for the " + what);
            }
            if (System.nanoTime() > deadline || !allAlive()) {
                throw new IllegalStateException(what + " did not become ready; see its log in " + logDir);
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
}
