package dev.starlight.testsupport;

import dev.starlight.broker.StarlightTopics;
import dev.starlight.core.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Starts an embedded test broker with the platform's message limits and creates the platform's topics on it. */
final class TestBrokers {
    private TestBrokers() {
    }

    static EmbeddedKafkaBroker start() {
        return new EmbeddedKafkaBroker()
                .withAdditionalProperties(p -> {
                    p.put("message.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                    p.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
                    p.put("group.initial.rebalance.delay.ms", "0");
                })
                .withDeleteLogDirsOnClose(true)
                .start();
    }

    /** The topics of {@code TopicSpec.ALL} under {@code prefix}, as the local broker creates them. */
    static void createTopics(String bootstrap, String prefix) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            StarlightTopics.createAll(admin, prefix);
        }
    }
}
