package dev.starlight.testsupport;

import dev.starlight.core.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka broker (KRaft) inside the test JVM, with the platform's topics created; one per start of the
 * Quarkus application under test (each test profile starts it afresh). No Docker. Used with
 * {@code @WithTestResource(KafkaBrokerResource.class)} by the detector, trainer and explain services' tests (the
 * monitor's tests share one broker across classes and keep their own).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = new EmbeddedKafkaBroker()
                .withAdditionalProperties(p -> {
                    p.put("message.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                    p.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                    p.put("group.initial.rebalance.delay.ms", "0");
                })
                .withDeleteLogDirsOnClose(true)
                .start();
        String bootstrap = broker.getAdvertisedListeners();
        createTopics(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    private static void createTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<String, String> configs = Map.of("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
            List<NewTopic> topics = Topics.DEFAULT.all().stream()
                    .map(t -> new NewTopic(t, t.endsWith(".scan.requests") ? 2 : 1, (short) 1).configs(
                            t.endsWith(".models") ? Map.of("cleanup.policy", "compact",
                                    "max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES)) : configs))
                    .toList();
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics", e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
