package dev.starlight.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.broker.LocalBroker;
import dev.starlight.broker.StarlightTopics;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Verdict;
import dev.starlight.monitor.client.MonitorClient.Window;
import dev.starlight.monitor.client.model.Alert;
import dev.starlight.monitor.client.model.DashboardView;
import dev.starlight.monitor.client.model.WindowStats;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real monitor: the packaged monitor-service (built before this module) started as a process on
 * a real Kafka broker (starlight-broker), ten scan results produced to starlight.scan.results as the detectors write
 * them, and every typed call read back, error codes included.
 */
class MonitorClientTest {
    private static final Path MONITOR_JAR = Path.of("").toAbsolutePath().getParent()
            .resolve("monitor-service/target/quarkus-app/quarkus-run.jar");
    private static final String MODEL = "client-v1";

    @TempDir
    static Path tmp;
    private static LocalBroker broker;
    private static Process monitor;
    private static MonitorClient client;

    @BeforeAll
    static void startBrokerMonitorAndProduceResults() throws Exception {
        assertThat(MONITOR_JAR).as("the packaged monitor (./mvnw -pl monitor-service package)").exists();
        broker = LocalBroker.builder().port(0).dataDir(tmp.resolve("kafka")).build().start();
        try (Admin admin = Admin.create(broker.clientConfig())) {
            StarlightTopics.createAll(admin, "starlight");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        monitor = new ProcessBuilder("java", "-Xmx384m", "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-Dquarkus.http.port=" + port, "-jar", MONITOR_JAR.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("monitor.log").toFile()).start();
        URI base = URI.create("http://localhost:" + port);
        awaitReady(base.resolve("/q/health/ready"));
        client = new MonitorClient(base);

        Map<String, Object> config = new HashMap<>(broker.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 1; i <= 10; i++) {
                String id = "client-" + i;
                Verdict verdict = i == 10 ? Verdict.ERROR : i % 3 == 0 ? Verdict.STEGO : Verdict.CLEAN;
                ScanResult r = new ScanResult(id, "0".repeat(64), "test", "png", 64, 64, verdict,
                        verdict == Verdict.ERROR ? null : verdict == Verdict.STEGO ? 0.9 : 0.1,
                        verdict == Verdict.STEGO ? "lsb.rgb" : null, verdict == Verdict.STEGO ? "lsb-first" : null,
                        null, List.of(), MODEL, 5L * i, verdict == Verdict.ERROR ? new ScanError("TRUNCATED", "cut") : null);
                producer.send(new ProducerRecord<>("starlight.scan.results", id, ScanResultJson.write(r))).get();
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (monitor != null) {
            monitor.destroy();
            if (!monitor.waitFor(20, TimeUnit.SECONDS)) {
                monitor.destroyForcibly();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void awaitReady(URI ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!monitor.isAlive()) {
                throw new AssertionError("the monitor exited: " + Files.readString(tmp.resolve("monitor.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) ready.toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the monitor was not ready within 120 s: "
                + Files.readString(tmp.resolve("monitor.log"), StandardCharsets.UTF_8));
    }

    private static <T> T eventually(Supplier<T> call, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        T last = call.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = call.get();
        }
        return last;
    }

    @Test
    void theModelsWindowCountsTheTenResultsWithTheirVerdictsAndErrorCode() throws Exception {
        WindowStats m1 = eventually(() -> client.stats(Window.ONE_MINUTE, MODEL).orElse(null),
                s -> s != null && s.count() == 10);
        assertThat(m1).isNotNull();
        assertThat(m1.window()).isEqualTo("1m");
        assertThat(m1.model()).isEqualTo(MODEL);
        assertThat(m1.count()).isEqualTo(10);
        assertThat(m1.stego()).isEqualTo(3);
        assertThat(m1.errors()).isEqualTo(1);
        assertThat(m1.errorCodes()).containsEntry("TRUNCATED", 1L);
        assertThat(m1.byFormat()).containsKey("png");
        assertThat(client.modelsWithResults()).contains(MODEL);
    }

    @Test
    void allTrafficHasFourWindowsASeriesAndADashboard() throws Exception {
        List<WindowStats> all = eventually(client::stats, s -> s.get(0).count() >= 10);
        assertThat(all).extracting(WindowStats::window).containsExactly("1m", "15m", "1h", "24h");
        assertThat(all.get(0).count()).isGreaterThanOrEqualTo(10);
        assertThat(client.stats(Window.ONE_DAY).window()).isEqualTo("24h");
        assertThat(client.series(Window.ONE_MINUTE)).isNotEmpty()
                .anySatisfy(p -> assertThat(p.count()).isPositive());
        DashboardView d = client.dashboard();
        assertThat(d.results()).isGreaterThanOrEqualTo(10);
        assertThat(d.lastMinute().window()).isEqualTo("1m");
        assertThat(client.ingest()).containsKey("starlight.scan.results");
    }

    @Test
    void canaryDriftModelsAndAlertsAnswerTypedWhenNothingHappened() {
        assertThat(client.canary().sent()).isZero();
        assertThat(client.canaryRate().maxPerSecond()).isPositive();
        assertThat(client.drift()).isNotNull();
        assertThat(client.baselines()).isEmpty();
        assertThat(client.regressions()).isEmpty();
        assertThat(client.models().isObject()).isTrue();
        assertThat(client.alerts(Alert.State.FIRING)).allMatch(a -> a.state() == Alert.State.FIRING);
        assertThat(client.detectors()).isEmpty();
    }

    @Test
    void errorsCarryTheMonitorsStableCodes() {
        assertThat(client.stats(Window.ONE_MINUTE, "never-seen")).isEmpty();
        assertThatThrownBy(() -> client.acknowledge("no.such:rule", "ops", "x"))
                .isInstanceOfSatisfying(MonitorApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("UNKNOWN_ALERT");
                });
        assertThatThrownBy(() -> client.override("starlight", "v9", false, " "))
                .isInstanceOfSatisfying(MonitorApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("NO_REASON");
                });
        assertThatThrownBy(() -> client.override("starlight", "v9", true, "looks good"))
                .isInstanceOfSatisfying(MonitorApiException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_MODEL"));
    }
}
