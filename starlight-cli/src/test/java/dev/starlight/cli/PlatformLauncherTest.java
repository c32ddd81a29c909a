package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with real child processes: {@link BindProbe} jars where the services' jars go, and {@code sleep}. */
class PlatformLauncherTest {
    private static final List<String> SERVICES = List.of("detector-service", "monitor-service", "explain-service");

    @TempDir
    Path tmp;

    @Test
    void everyServiceListensOnLoopbackOnlyByDefault() throws Exception {
        Path home = homeWithProbeServices();
        try (PlatformLauncher launcher = new PlatformLauncher(home, tmp.resolve("state"), 1)) {
            for (String service : SERVICES) {
                int port = freePort();
                Path log = tmp.resolve(service + ".out");
                launcher.startService(service, "64m", port, List.of(), log);
                launcher.awaitReady(service, port, Duration.ofSeconds(60));
                assertThat(awaitLine(log)).as(service).isEqualTo("listening on 127.0.0.1:" + port);
            }
        }
    }

    @Test
    void bindAddressIsPassedToEveryService() throws Exception {
        Path home = homeWithProbeServices();
        try (PlatformLauncher launcher = new PlatformLauncher(home, tmp.resolve("state"), 1, "0.0.0.0")) {
            for (String service : SERVICES) {
                int port = freePort();
                Path log = tmp.resolve(service + ".out");
                launcher.startService(service, "64m", port, List.of(), log);
                launcher.awaitReady(service, port, Duration.ofSeconds(60));
                assertThat(awaitLine(log)).as(service).isEqualTo("listening on *:" + port);
            }
            assertThat(launcher.httpHost()).isEqualTo("localhost");
        }
    }

    @Test
    void closeStopsChildrenThatIgnoreSigtermByKillingThemWithinTheLimit() throws Exception {
        List<Process> children = new ArrayList<>();
        long start;
        try (PlatformLauncher launcher = new PlatformLauncher(tmp, tmp, 1)) {
            for (int i = 0; i < 4; i++) {
                children.add(launcher.startChild("service-" + i, false, ignoringSigterm(), tmp.resolve(i + ".out"), false));
            }
            children.add(launcher.startChild("broker", true, ignoringSigterm(), tmp.resolve("broker.out"), false));
            Thread.sleep(300); // let each shell set its trap before exec
            assertThat(children).allMatch(Process::isAlive);
            start = System.nanoTime();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(children).noneMatch(Process::isAlive);
        // one after another, five children that ignore SIGTERM would take five times the limit
        assertThat(took).isLessThan(PlatformLauncher.STOP_LIMIT.multipliedBy(3));
    }

    @Test
    void childrenIgnoreCtrlCSoThatOnlyTheLauncherStopsThemInOrder() throws Exception {
        try (PlatformLauncher launcher = new PlatformLauncher(tmp, tmp, 1)) {
            Process child = launcher.startChild("broker", true, List.of("sleep", "300"), tmp.resolve("b.out"), false);
            Thread.sleep(300);
            Process interrupt = new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start();
            assertThat(interrupt.waitFor()).isZero();
            Thread.sleep(500);
            assertThat(child.isAlive()).isTrue();
            assertThat(launcher.firstExited()).isEmpty();
        }
    }

    @Test
    void firstExitedNamesTheChildAndItsExitCode() throws Exception {
        try (PlatformLauncher launcher = new PlatformLauncher(tmp, tmp, 1)) {
            launcher.startChild("broker", true, List.of("sleep", "300"), tmp.resolve("b.out"), false);
            Process failing = launcher.startChild("detector-service", false, List.of("sh", "-c", "exit 3"),
                    tmp.resolve("d.out"), false);
            failing.waitFor();
            assertThat(launcher.firstExited()).contains(new PlatformLauncher.ChildExit("detector-service", 3));
            assertThat(launcher.stopping()).isFalse();
        }
    }

    static List<String> ignoringSigterm() {
        return List.of("sh", "-c", "trap '' TERM; exec sleep 300");
    }

    /** A checkout whose three services' jars are {@link BindProbe}. */
    private Path homeWithProbeServices() throws IOException {
        Path home = tmp.resolve("home");
        for (String service : SERVICES) {
            Path jar = home.resolve(service + "/target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            writeProbeJar(jar);
        }
        return home;
    }

    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, BindProbe.class.getName());
        String entry = BindProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream in = BindProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private static String awaitLine(Path log) throws Exception {
        for (int i = 0; i < 100; i++) {
            String s = Files.exists(log) ? Files.readString(log).strip() : "";
            if (!s.isEmpty()) {
                return s;
            }
            Thread.sleep(100);
        }
        return "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
