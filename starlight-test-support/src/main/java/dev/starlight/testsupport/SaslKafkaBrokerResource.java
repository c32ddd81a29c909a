package dev.starlight.testsupport;

import dev.starlight.broker.LocalBroker;
import dev.starlight.broker.StarlightTopics;
import dev.starlight.core.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real broker ({@link LocalBroker}) whose only client listener is SASL_PLAINTEXT with SCRAM-SHA-512, with the
 * platform's topics. The service under test logs in as {@value #SERVICE_USER} through the {@code kafka.*} settings
 * an operator would set; tests act as {@value #CLIENT_USER} with {@link #clientConfig()}.
 */
public class SaslKafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    public static final String SERVICE_USER = "starlight-service";
    public static final String SERVICE_PASSWORD = "service-secret";
    public static final String CLIENT_USER = "scan-client";
    public static final String CLIENT_PASSWORD = "client-secret";

    private static volatile LocalBroker broker;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("starlight-sasl-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = LocalBroker.builder().port(0).dataDir(dir.resolve("kafka"))
                .scramUser(SERVICE_USER, SERVICE_PASSWORD).scramUser(CLIENT_USER, CLIENT_PASSWORD)
                .config("group.initial.rebalance.delay.ms", "0")
                .build().start();
        try (Admin admin = Admin.create(broker.clientConfig())) {
            StarlightTopics.createAll(admin, Topics.DEFAULT_PREFIX);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", LocalBroker.SCRAM_MECHANISM,
                "kafka.sasl.jaas.config", LocalBroker.scramJaas(SERVICE_USER, SERVICE_PASSWORD));
    }

    /** Bootstrap and SCRAM login of {@value #CLIENT_USER}, for the test's own producers and consumers. */
    public static Map<String, Object> clientConfig() {
        Map<String, Object> c = new HashMap<>(withoutCredentials());
        c.put("security.protocol", "SASL_PLAINTEXT");
        c.put("sasl.mechanism", LocalBroker.SCRAM_MECHANISM);
        c.put("sasl.jaas.config", LocalBroker.scramJaas(CLIENT_USER, CLIENT_PASSWORD));
        return c;
    }

    /** Just the bootstrap address: what a client that does not log in uses. */
    public static Map<String, Object> withoutCredentials() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        try {
            LocalBroker.wipe(dir.resolve("kafka"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
