package dev.starlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.broker.LocalBroker;
import dev.starlight.broker.StarlightTopics;
import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --via-kafka --kafka-config FILE} against a broker that only takes SCRAM logins. */
class ScanViaKafkaSaslTest {

    @TempDir
    Path dir;

    @Test
    void theRequestIsProducedWithTheCredentialsOfTheConfigFile() throws Exception {
        try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(dir.resolve("kafka"))
                .scramUser("admin", "admin-secret").scramUser("cli", "cli-secret").build().start()) {
            try (Admin admin = Admin.create(broker.clientConfig())) {
                StarlightTopics.createAll(admin, Topics.DEFAULT_PREFIX);
            }
            Path config = Files.writeString(dir.resolve("kafka.properties"), String.join("\n",
                    "security.protocol=SASL_PLAINTEXT",
                    "sasl.mechanism=SCRAM-SHA-512",
                    "sasl.jaas.config=" + LocalBroker.scramJaas("cli", "cli-secret")));
            Path image = Files.write(dir.resolve("sasl.png"), TestImages.bytes(TestImages.rgb(8, 8), "png"));

            // no detector answers: the row times out, but the request must be on the topic
            CliRun run = CliRun.of("scan", "--json", "-q", "--via-kafka", broker.bootstrapServers(),
                    "--kafka-config", config.toString(), "--timeout-seconds", "3", image.toString());
            assertThat(run.jsonResults()).singleElement()
                    .satisfies(r -> assertThat(r.error().code()).isEqualTo("TIMEOUT"));

            Map<String, Object> c = new HashMap<>(broker.clientConfig());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
            String source = null;
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.DEFAULT.scanRequests()));
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (source == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        source = new String(r.headers().lastHeader(Topics.HEADER_SOURCE).value(),
                                StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(source).isEqualTo(image.toString());
        }
    }
}
