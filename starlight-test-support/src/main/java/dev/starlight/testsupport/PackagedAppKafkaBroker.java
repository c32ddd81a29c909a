package dev.starlight.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link KafkaBrokerResource} for {@code @QuarkusIntegrationTest}s: the packaged application is started with the
 * broker's address, and the test, which is no bean and reads no application config, gets it from
 * {@link #bootstrapServers()}. Subclasses add settings the packaged application needs with {@link #settings()}.
 */
public class PackagedAppKafkaBroker extends KafkaBrokerResource {
    private static volatile String bootstrap;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        bootstrap = config.get("kafka.bootstrap.servers");
        config.putAll(settings());
        return config;
    }

    /** Further settings for the packaged application (none here). */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** The running broker's bootstrap servers. */
    public static String bootstrapServers() {
        if (bootstrap == null) {
            throw new IllegalStateException("no PackagedAppKafkaBroker is running");
        }
        return bootstrap;
    }
}
