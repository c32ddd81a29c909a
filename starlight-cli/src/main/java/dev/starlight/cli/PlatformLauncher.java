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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts the local platform's parts as child processes of this JVM from the jars the build made: the broker
 * (starlight-broker) and the Quarkus services, each against {@code localhost:kafkaPort}, with its output in a log
 * file. Used by {@code starlight up} and by the bench's fault and soak runs. {@link #close()}, also run on Ctrl-C or
 * {@code System.exit}, stops whatever is still running, the last started first.
 */
public final class PlatformLauncher implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path home;
    private final Path logDir;
    private final int kafkaPort;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<Process> running = new ArrayList<>();
    private final List<Process> brokers = new ArrayList<>();

    /**
     * @param home      the Starlight checkout holding the built jars
     * @param logDir    where relative log names and failure messages point
     * @param kafkaPort the broker's port on localhost
     */
    public PlatformLauncher(Path home, Path logDir, int kafkaPort) {
        this.home = home;
        this.logDir = logDir;
        this.kafkaPort = kafkaPort;
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
        Process broker = start(cmd, log, appendLog);
        synchronized (this) {
            brokers.add(broker);
        }
        await("broker", () -> portOpen(kafkaPort), Duration.ofSeconds(120));
        await("broker topics", () -> occurrences(log, "ready on") > readyLines, Duration.ofSeconds(120));
        return broker;
    }

    /**
     * Starts a Quarkus service against the broker on {@code httpPort} without waiting; see {@link #awaitReady}.
     *
     * @param maxHeap    the {@code -Xmx} value, e.g. {@code 512m}
     * @param jvmOptions further {@code -D} options
     */
    public Process startService(String module, String maxHeap, int httpPort, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-Dkafka.bootstrap.servers=" + bootstrap(),
                "-Dquarkus.http.port=" + httpPort));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar(module).toString()));
        return start(cmd, log, false);
    }

    /** Waits until the service on {@code httpPort} answers its readiness check. */
    public void awaitReady(String what, int httpPort, Duration limit) throws InterruptedException {
        await(what, () -> httpOk("http://localhost:" + httpPort + "/q/health/ready"), limit);
    }

    /** Whether every process started and not killed is still running. */
    public synchronized boolean allAlive() {
        return running.stream().allMatch(Process::isAlive);
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    public void kill(Process process) throws InterruptedException {
        synchronized (this) {
            running.remove(process);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops every running process, the services first (the last started first), then the broker, so that no service
     * is left waiting for it: SIGTERM, then SIGKILL after 30 s.
     */
    @Override
    public synchronized void close() {
        List<Process> order = new ArrayList<>(running);
        Collections.reverse(order);
        order.sort(Comparator.comparing(brokers::contains)); // stable: services keep their order
        for (Process p : order) {
            if (!p.isAlive()) {
                continue;
            }
            p.destroy();
            try {
                if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized Process start(List<String> command, Path log, boolean append) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        running.add(p);
        return p;
    }

    /** Polls {@code ready}; fails as soon as one of the running processes has exited, or after {@code limit}. */
    private void await(String what, BooleanSupplier ready, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.getAsBoolean()) {
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
