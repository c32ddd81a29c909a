package dev.starlight.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform the docs' blocks talk to: their documented {@code bin/starlight up}, run once in the background with
 * its own state directory and, where the documented ports are taken on this machine, other free ports (the blocks'
 * {@code localhost:PORT} are rewritten to match). It runs the jars the reactor built: a missing or stale one fails
 * here, because {@code bin/starlight} would otherwise start a Maven build inside the test.
 */
final class DocPlatform implements AutoCloseable {
    static final int KAFKA = 9092;
    static final int DETECTOR = 8080;

    /** What {@code bin/starlight} checks before it runs without building: each jar, and the sources it is built from. */
    private static final Map<String, List<String>> JARS = Map.of(
            "starlight-cli/target/starlight-cli.jar", List.of("starlight-cli/src/main", "starlight-cli/pom.xml"),
            "starlight-broker/target/starlight-broker.jar", List.of("starlight-broker/src/main", "starlight-broker/pom.xml"),
            "detector-service/target/quarkus-app/quarkus-run.jar", List.of("detector-service/src/main", "detector-service/pom.xml"),
            "monitor-service/target/quarkus-app/quarkus-run.jar", List.of("monitor-service/src/main", "monitor-service/pom.xml"),
            "explain-service/target/quarkus-app/quarkus-run.jar", List.of("explain-service/src/main", "explain-service/pom.xml"));
    private static final List<String> SHARED_SOURCES = List.of("pom.xml", "starlight-codecs/src/main",
            "starlight-core/src/main", "starlight-core/pom.xml", "starlight-lab/src/main", "starlight-http/src/main");

    private final int kafkaPort;
    private final int httpPort;
    private Process process;
    private Path log;

    private DocPlatform(int kafkaPort, int httpPort) {
        this.kafkaPort = kafkaPort;
        this.httpPort = httpPort;
    }

    /** The documented ports when they are free here, else free ones (detector, then monitor +2, explainer +3). */
    static DocPlatform onFreePorts() {
        int kafka = free(KAFKA) ? KAFKA : anyFreePort();
        int http = DETECTOR;
        while (!(free(http) && free(http + 2) && free(http + 3)) || http == kafka || http + 2 == kafka || http + 3 == kafka) {
            http = anyFreePort();
        }
        return new DocPlatform(kafka, http);
    }

    /** {@code localhost:PORT} of the docs, to what this platform listens on. */
    Map<String, String> portRewrites() {
        Map<String, String> rewrites = new LinkedHashMap<>();
        rewrites.put("localhost:" + KAFKA, "localhost:" + kafkaPort);
        rewrites.put("localhost:" + DETECTOR, "localhost:" + httpPort);
        rewrites.put("localhost:" + (DETECTOR + 2), "localhost:" + (httpPort + 2));
        rewrites.put("localhost:" + (DETECTOR + 3), "localhost:" + (httpPort + 3));
        return rewrites;
    }

    /** Jars that are missing or older than their sources, each with why; empty when all are built. */
    static List<String> unbuiltJars(Path root) {
        List<String> problems = new ArrayList<>();
        JARS.forEach((jar, sources) -> {
            Path file = root.resolve(jar);
            if (!Files.isRegularFile(file)) {
                problems.add(jar + " is missing");
                return;
            }
            List<String> all = new ArrayList<>(sources);
            all.addAll(SHARED_SOURCES);
            for (String source : all) {
                String newer = newerThan(root.resolve(source), file);
                if (newer != null) {
                    problems.add(jar + " is older than " + root.relativize(Path.of(newer)));
                    return;
                }
            }
        });
        return problems;
    }

    /**
     * Starts {@code command} (the doc's {@code bin/starlight up} line) with this platform's ports and
     * {@code stateDir}, in {@code workDir}, and waits until its output shows {@code readyText}.
     */
    void start(String command, Path workDir, Path stateDir, String readyText, Duration limit)
            throws IOException, InterruptedException {
        log = stateDir.resolveSibling("up.log");
        String full = "exec " + command + " --kafka-port " + kafkaPort + " --http-port " + httpPort + " --state-dir " + stateDir;
        process = new ProcessBuilder("bash", "-c", full).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.contains(readyText)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("'" + full + "' exited with " + process.exitValue() + " before \""
                        + readyText + "\":\n" + output);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("'" + full + "' printed no \"" + readyText + "\" within " + limit.toSeconds()
                + " s:\n" + Files.readString(log));
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** What {@code up} printed so far. */
    String output() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ctrl-C's SIGTERM to {@code up}; what it started is killed when it does not stop them within 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
    }

    private static String newerThan(Path source, Path target) {
        if (!Files.exists(source)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(source)) {
            long built = Files.getLastModifiedTime(target).toMillis();
            return files.filter(Files::isRegularFile)
                    .filter(f -> modified(f) > built)
                    .map(Path::toString).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean free(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), null}) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int anyFreePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
