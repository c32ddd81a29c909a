package dev.starlight.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.Topics;
import dev.starlight.core.model.Ed25519Keys;
import dev.starlight.core.model.TestSigningKeys;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.TrustedKeys;
import dev.starlight.testsupport.KafkaBrokerResource;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.trainer.service.kafka.ModelPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** With {@code starlight.trainer.signing-key}, the envelope on {@code starlight.models} carries a valid signature. */
@QuarkusTest
@TestProfile(SignedPublishTest.WithSigningKey.class)
@WithTestResource(KafkaBrokerResource.class)
class SignedPublishTest {
    static final Path DIR = Path.of("target", "signed-publish-test");

    public static class WithSigningKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starlight.trainer.signing-key",
                    TestSigningKeys.writePair(DIR, "signing").resolve("signing.pem").toString());
        }
    }

    @Inject
    ModelPublisher publisher;

    @Test
    void publishedEnvelopesAreSignedByTheConfiguredKey() throws Exception {
        ModelEnvelope envelope = ModelEnvelope.of("signed-model", "1", Instant.parse("2026-11-24T00:00:00Z"), Map.of(),
                new byte[] {1, 2, 3, 4});
        ModelEvaluationEvent evaluation = new ModelEvaluationEvent(ModelEvaluationEvent.TYPE, "signed-model", "1",
                0L, "00", 0, Map.of(), Map.of(), Map.of(), 0.5, 1.0);
        publisher.publish(envelope, evaluation).get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = KafkaClients.readAll(Topics.DEFAULT.models());
        ModelEnvelope published = ModelEnvelope.fromBytes(records.get(records.size() - 1).value());
        TrustedKeys trusted = TrustedKeys.fromPem(List.of(DIR.resolve("signing.pub.pem")));
        assertThat(trusted.verify(published).signed()).isTrue();
        assertThat(published.onnx()).containsExactly(1, 2, 3, 4);
    }
}
