package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/deploy.sh: syntax, dry run, and a canary against a fake monitor (a real HTTP server answering as the
 * monitor's regressions endpoint does) with helm and kubectl replaced by scripts that log their arguments.
 */
class DeployScriptTest {
    private static final Path SCRIPT = Repo.ROOT.resolve("deploy/deploy.sh");

    @TempDir
    Path tmp;

    record Result(int exit, String output) {
    }

    private Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", tmp + ":" + System.getenv("PATH"));
        pb.environment().put("DEPLOY_POLL_SECONDS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private void fake(String name, String body) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** helm logs its arguments; kubectl says the detector has 3 replicas. */
    private Path fakeTools() throws IOException {
        Path log = tmp.resolve("calls.log");
        fake("helm", "echo \"helm $*\" >> " + log);
        fake("kubectl", "echo 3");
        return log;
    }

    private HttpServer monitor(String regressionsJson, List<String> posted) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/monitoring/", ex -> {
            byte[] body = regressionsJson.getBytes(StandardCharsets.UTF_8);
            if (ex.getRequestMethod().equals("POST")) {
                posted.add(ex.getRequestURI().getPath() + " " + new String(ex.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    private Result canary(HttpServer server, String timeout) throws Exception {
        return run("canary", "--model", "m", "--version", "v2", "--share", "25", "--timeout", timeout,
                "--monitor", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void parsesAndDryRunPrintsEveryStepWithoutRunningAny() throws Exception {
        assertThat(new ProcessBuilder("bash", "-n", SCRIPT.toString()).start().waitFor()).isZero();
        Path log = fakeTools();
        Result r = run("canary", "--dry-run", "--model", "m", "--version", "v2", "--share", "25");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("--set canary.enabled=true --set canary.replicas=1",
                "curl -fsS http://localhost:8082/v1/monitoring/regressions/m",
                "/v1/monitoring/models/m/v2/override", "--reuse-values --set canary.enabled=false");
        assertThat(log).doesNotExist();
        assertThat(run("canary", "--dry-run", "--model", "m").exit()).isEqualTo(2);
        assertThat(run("rollback", "--dry-run", "--revision", "3").output())
                .contains("+ helm rollback starlight 3 --namespace starlight --wait");
    }

    @Test
    void anApprovedModelKeepsServingAndTheCanaryGoes() throws Exception {
        Path log = fakeTools();
        List<String> posted = new ArrayList<>();
        HttpServer server = monitor("[{\"model\":\"m\",\"version\":\"v1\",\"verdict\":\"REJECTED\"},"
                + "{\"model\":\"m\",\"version\":\"v2\",\"verdict\":\"APPROVED\"}]", posted);
        try {
            Result r = canary(server, "30");
            assertThat(r.exit()).as(r.output()).isZero();
            List<String> calls = Files.readAllLines(log);
            // 3 detectors at 25 %: one canary
            assertThat(calls.get(0)).contains("--set canary.enabled=true --set canary.replicas=1");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1)).contains("--reuse-values --set canary.enabled=false");
            assertThat(posted).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRejectedModelIsRolledBack() throws Exception {
        Path log = fakeTools();
        List<String> posted = new ArrayList<>();
        HttpServer server = monitor("[{\"model\":\"m\",\"version\":\"v2\",\"verdict\":\"REJECTED\"}]", posted);
        try {
            Result r = canary(server, "30");
            assertThat(r.exit()).as(r.output()).isEqualTo(1);
            assertThat(r.output()).contains("REJECTED: rolling back");
            assertThat(Files.readAllLines(log).get(1)).contains("--set canary.enabled=false");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noVerdictInTimeRejectsByOverrideAndRollsBack() throws Exception {
        Path log = fakeTools();
        List<String> posted = new ArrayList<>();
        HttpServer server = monitor("[{\"model\":\"m\",\"version\":\"v1\",\"verdict\":\"APPROVED\"}]", posted);
        try {
            Result r = canary(server, "2");
            assertThat(r.exit()).as(r.output()).isEqualTo(1);
            assertThat(posted).singleElement().asString()
                    .startsWith("/v1/monitoring/models/m/v2/override {\"action\":\"reject\"");
            assertThat(Files.readAllLines(log)).hasSize(2);
        } finally {
            server.stop(0);
        }
    }
}
