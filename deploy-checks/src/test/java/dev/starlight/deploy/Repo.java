package dev.starlight.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.config.ConfigMapping;
import org.yaml.snakeyaml.Yaml;

/** The repository as the deployment files see it: services, their ports and config keys. */
final class Repo {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** The four Quarkus services and their config-mapping interfaces. */
    static final Map<String, String> SERVICES = Map.of(
            "detector-service", "dev.starlight.detector.config.DetectorConfig",
            "trainer-service", "dev.starlight.trainer.service.config.TrainerConfig",
            "monitor-service", "dev.starlight.monitor.config.MonitorConfig",
            "explain-service", "dev.starlight.explain.config.ExplainConfig");

    private Repo() {
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        return (Map<String, Object>) new Yaml().load(read(relative));
    }

    static Properties properties(String service) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static int httpPort(String service) {
        return Integer.parseInt(properties(service).getProperty("quarkus.http.port"));
    }

    /** True when the service registers a Prometheus registry, that is, serves /q/metrics. */
    static boolean exposesMetrics(String service) {
        return read(service + "/pom.xml").contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
    }

    /** Every key the service reads: application.properties (any profile) and its config mapping. */
    static Set<String> configKeys(String service) {
        Set<String> keys = new TreeSet<>();
        for (String k : properties(service).stringPropertyNames()) {
            keys.add(k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k);
        }
        try {
            Class<?> mapping = Class.forName(SERVICES.get(service));
            mappingKeys(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    private static void mappingKeys(String prefix, Class<?> type, Set<String> keys) {
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + kebab(m.getName());
            Class<?> r = m.getReturnType();
            if (r.isInterface() && r.getDeclaringClass() != null) {
                mappingKeys(key, r, keys); // a nested group such as Api or Drift
            } else {
                keys.add(key);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Quarkus' environment-variable name for a config key. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static List<String> modules() {
        return List.of(read("pom.xml").split("\n")).stream()
                .filter(l -> l.contains("<module>"))
                .map(l -> l.replaceAll(".*<module>(.*)</module>.*", "$1").trim())
                .toList();
    }
}
