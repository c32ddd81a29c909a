package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.broker.LocalBroker;
import dev.starlight.broker.StarlightTopics;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.core.scan.Scanner;
import dev.starlight.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --via-kafka} against a real KRaft broker in this JVM. The detector's side is played by a small
 * responder that answers each request with the core Scanner's result (the detector service's own Kafka flow is
 * tested in detector-service); what is proven here is the CLI's half: produce, match results by id, time out.
 */
class ScanViaKafkaTest {
    private static LocalBroker broker;
    private static Thread responder;
    private static final AtomicBoolean RUNNING = new AtomicBoolean(true);
    private static final AtomicBoolean ANSWER = new AtomicBoolean(true);

    @TempDir
    static Path dataDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBrokerAndResponder() throws Exception {
        broker = LocalBroker.builder().port(0).dataDir(dataDir).build().start();
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            StarlightTopics.createAll(admin, Topics.DEFAULT_PREFIX);
        }
        responder = new Thread(ScanViaKafkaTest::respond, "test-responder");
        responder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RUNNING.set(false);
        responder.join(10_000);
        broker.close();
    }

    @Test
    void everyFileGetsItsResultBackInInputOrder() throws Exception {
        // a photo-like cover: uniform noise would rightly read as full-rate LSB embedding
        Path a = Files.write(dir.resolve("a.png"),
                SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1)));
        Path b = Files.write(dir.resolve("b.txt"), "not an image".getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of("scan", "--json", "-q", "--via-kafka", broker.bootstrapServers(),
                "--timeout-seconds", "60", a.toString(), b.toString());
        List<ScanResult> results = run.jsonResults();
        assertThat(results).extracting(ScanResult::source).containsExactly(a.toString(), b.toString());
        assertThat(results.get(0).verdict().label()).isEqualTo("clean");
        assertThat(results.get(1).error().code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SCAN_ERRORS);
    }

    @Test
    void aFileWithoutAnAnswerGetsATimeoutRow() throws Exception {
        Path a = Files.write(dir.resolve("late.png"), TestImages.bytes(TestImages.rgb(8, 8), "png"));
        ANSWER.set(false);
        try {
            CliRun run = CliRun.of("scan", "--json", "-q", "--via-kafka", broker.bootstrapServers(),
                    "--timeout-seconds", "3", a.toString());
            assertThat(run.jsonResults()).singleElement()
                    .satisfies(r -> assertThat(r.error().code()).isEqualTo("TIMEOUT"));
        } finally {
            ANSWER.set(true);
        }
    }

    @Test
    void aFileOverTheMessageLimitGetsATooLargeRowAtOnceNotATimeout() throws Exception {
        Path big = Files.write(dir.resolve("big.png"), new byte[Topics.MAX_MESSAGE_BYTES + 1]);
        Path a = Files.write(dir.resolve("small.png"), TestImages.bytes(TestImages.rgb(8, 8), "png"));
        long start = System.nanoTime();
        CliRun run = CliRun.of("scan", "--json", "-q", "--via-kafka", broker.bootstrapServers(),
                "--timeout-seconds", "120", big.toString(), a.toString());
        assertThat(run.jsonResults()).extracting(r -> r.error() == null ? r.verdict().label() : r.error().code())
                .containsExactly("TOO_LARGE", "clean");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    /** Plays the detector: one result per request, keyed by the request's key, as the service does. */
    private static void respond() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-responder");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        Scanner scanner = new Scanner();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            consumer.subscribe(List.of(Topics.DEFAULT.scanRequests()));
            while (RUNNING.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (!ANSWER.get()) {
                        continue;
                    }
                    String source = new String(r.headers().lastHeader(Topics.HEADER_SOURCE).value(), StandardCharsets.UTF_8);
                    ScanResult result = scanner.scan(new ScanRequest(r.key(), source, r.value()));
                    producer.send(new ProducerRecord<>(Topics.DEFAULT.scanResults(), r.key(), ScanResultJson.write(result)));
                }
                producer.flush();
            }
        }
    }
}
