package dev.starlight.trainer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.broker.LocalBroker;
import dev.starlight.broker.StarlightTopics;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.Ed25519Keys;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.testsupport.TinyTrainingSet;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingListener;
import dev.starlight.trainer.TrainingResult;
import dev.starlight.trainer.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starlight train --publish}: the envelope lands on the models topic and the evaluation on the metrics topic,
 * here on a broker that only takes SCRAM logins (the settings of {@code --kafka-config}).
 */
class ModelPublisherTest {
    @TempDir
    Path dir;

    @Test
    void publishesTheEnvelopeThenItsEvaluationSignedWhenAKeyIsGiven() throws Exception {
        Path set = TinyTrainingSet.make(dir, 16, 64);
        TrainingResult result = TrainingRun.run(TrainingConfig.tiny(set, dir.resolve("run")), TrainingListener.NONE,
                "publisher test");
        try (LocalBroker broker = LocalBroker.builder().port(0).dataDir(Files.createDirectories(dir.resolve("kafka")))
                .scramUser("admin", "admin-secret").scramUser("trainer", "trainer-secret").build().start()) {
            try (Admin a = Admin.create(broker.clientConfig())) {
                StarlightTopics.createAll(a, Topics.DEFAULT_PREFIX);
            }
            Properties login = new Properties();
            login.putAll(broker.securityConfig());
            login.put("sasl.jaas.config", LocalBroker.scramJaas("trainer", "trainer-secret"));
            ModelPublisher.publish(broker.bootstrapServers(), login, Topics.DEFAULT_PREFIX, result);

            List<ConsumerRecord<String, byte[]>> models = read(broker, Topics.DEFAULT.models(), 1);
            assertThat(models.get(0).key()).isEqualTo(result.envelope().name());
            ModelEnvelope envelope = ModelEnvelope.fromBytes(models.get(0).value());
            assertThat(envelope).isEqualTo(result.envelope());
            try (OnnxModel model = OnnxModel.load(envelope.onnx())) {
                assertThat(model.info().version()).isEqualTo(result.metrics().version());
            }
            JsonNode event = new ObjectMapper().readTree(read(broker, Topics.DEFAULT.metrics(), 1).get(0).value());
            assertThat(event.path("type").asText()).isEqualTo(ModelEvaluationEvent.TYPE);
            assertThat(event.path("version").asText()).isEqualTo(result.metrics().version());
            assertThat(event.path("dataSha256").asText()).isEqualTo(result.metrics().dataSha256());
            assertThat(envelope.signed()).isFalse();

            KeyPair keys = Ed25519Keys.generate();
            Ed25519Keys.writePrivate(dir.resolve("signing.pem"), keys.getPrivate());
            TrainingResult signed = RunSigning.sign(result, dir.resolve("signing.pem"));
            ModelPublisher.publish(broker.bootstrapServers(), login, Topics.DEFAULT_PREFIX, signed);

            ModelEnvelope published = ModelEnvelope.fromBytes(read(broker, Topics.DEFAULT.models(), 2).get(1).value());
            TrustedKeys trusted = new TrustedKeys(List.of(keys.getPublic()));
            assertThat(trusted.verify(published).signature().keyId()).isEqualTo(Ed25519Keys.keyId(keys.getPublic()));
            assertThat(Files.readAllBytes(dir.resolve("run").resolve("model.slme"))).isEqualTo(published.toBytes());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(LocalBroker broker, String topic, int n) {
        Properties p = new Properties();
        p.putAll(broker.clientConfig());
        p.put("group.id", "test-" + topic + "-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("max.partition.fetch.bytes", Topics.MAX_MESSAGE_BYTES);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < n && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(n);
        return out;
    }
}
