package dev.starlight.testsupport;

import dev.starlight.core.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.Map;

/**
 * A real Kafka broker (KRaft) inside the test JVM, with the platform's topics created; one per start of the
 * Quarkus application under test (each test profile starts it afresh). No Docker. Used with
 * {@code @WithTestResource(KafkaBrokerResource.class)} by the detector, trainer and explain services' tests (the
 * monitor's tests share one broker across classes: {@link SharedKafkaBrokerResource}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = TestBrokers.start();
        String bootstrap = broker.getAdvertisedListeners();
        TestBrokers.createTopics(bootstrap, Topics.DEFAULT_PREFIX);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
