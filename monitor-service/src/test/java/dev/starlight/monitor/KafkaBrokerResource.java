package dev.starlight.monitor;

import dev.starlight.core.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka broker (KRaft) inside the test JVM, no Docker. One broker serves every test class of the run (each
 * test class with its own topic prefix where it needs its own topics), so a restarted app finds the same topics.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedKafkaBroker broker;

    /** Starts the broker on first use and creates the platform's topics under {@code prefix}. */
    public static synchronized String bootstrap(String prefix) {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withAdditionalProperties(p -> {
                        p.put("message.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                        p.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                        p.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .withDeleteLogDirsOnClose(true)
                    .start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        String bootstrap = broker.getAdvertisedListeners();
        createTopics(bootstrap, prefix);
        return bootstrap;
    }

    static void createTopics(String bootstrap, String prefix) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            List<String> names = new ArrayList<>(topics.all());
            names.add(topics.name("models.decisions"));
            for (String t : names) {
                if (existing.contains(t)) {
                    continue;
                }
                boolean compacted = t.endsWith(".models") || t.endsWith(".models.decisions");
                wanted.add(new NewTopic(t, 1, (short) 1).configs(compacted
                        ? Map.of("cleanup.policy", "compact", "max.message.bytes",
                        String.valueOf(Topics.MAX_MESSAGE_BYTES))
                        : Map.of("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES))));
            }
            admin.createTopics(wanted).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics", e);
        }
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
