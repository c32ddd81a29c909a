package dev.starlight.testsupport;

import dev.starlight.core.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.Map;

/**
 * A real Kafka broker (KRaft) inside the test JVM, no Docker, that serves every test class of the run (each test
 * class with its own topic prefix where it needs its own topics), so a restarted app finds the same topics and
 * records. Used by the monitor's tests.
 */
public class SharedKafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedKafkaBroker broker;

    /** Starts the broker on first use and creates the platform's topics under {@code prefix} where absent. */
    public static synchronized String bootstrap(String prefix) {
        if (broker == null) {
            broker = TestBrokers.start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        String bootstrap = broker.getAdvertisedListeners();
        TestBrokers.createTopics(bootstrap, prefix);
        return bootstrap;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrap(Topics.DEFAULT_PREFIX));
    }

    @Override
    public void stop() {
        // the broker outlives the app: the next test class (or a restarted app) uses the same one
    }
}
