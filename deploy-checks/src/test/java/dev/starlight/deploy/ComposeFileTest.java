package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.TopicSpec;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and deploy/prometheus against the services' own configuration (no Docker engine needed). */
@SuppressWarnings("unchecked")
class ComposeFileTest {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private final Map<String, Object> compose = Repo.yaml("docker-compose.yml");
    private final Map<String, Object> services = (Map<String, Object>) compose.get("services");

    private Map<String, Object> service(String name) {
        Object s = services.get(name);
        assertThat(s).as("compose service " + name).isNotNull();
        return (Map<String, Object>) s;
    }

    /** The compose services that run a Starlight module (those built from deploy/docker/Dockerfile.jvm). */
    private Map<String, String> moduleServices() {
        Map<String, String> m = new TreeMap<>();
        services.forEach((name, v) -> {
            Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) v).get("build");
            if (build != null && build.get("args") != null) {
                m.put(name, (String) ((Map<String, Object>) build.get("args")).get("MODULE"));
            }
        });
        return m;
    }

    @Test
    void theBrokerAndTheTopicJobRunTheKafkaImageBuiltFromDeployKafka() {
        assertThat(service("kafka").get("image")).isEqualTo("starlight/kafka:4.1.2");
        assertThat(service("topic-init").get("image")).isEqualTo("starlight/kafka:4.1.2");
        Map<String, Object> build = (Map<String, Object>) service("kafka").get("build");
        assertThat(Repo.ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).isRegularFile();
        assertThat(Repo.read("deploy/kafka/pom.xml")).contains("<artifactId>kafka_2.13</artifactId>");
    }

    @Test
    void everyServiceItRunsIsAModuleOfTheRepoAndAllFourRun() {
        Map<String, String> modules = moduleServices();
        assertThat(modules.values()).containsExactlyInAnyOrderElementsOf(Repo.SERVICES.keySet());
        modules.forEach((name, module) -> {
            assertThat(Repo.modules()).contains(module);
            assertThat(Files.isRegularFile(Repo.ROOT.resolve(module + "/pom.xml"))).isTrue();
            assertThat(service(name).get("image")).isEqualTo("starlight/" + module + ":" + VERSION);
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(Files.isRegularFile(Repo.ROOT.resolve((String) build.get("dockerfile")))).isTrue();
        });
        assertThat(Repo.read("pom.xml")).contains("<version>" + VERSION + "</version>");
    }

    @Test
    void portsAndHealthChecksAreTheOnesEachServiceListensOn() {
        moduleServices().forEach((name, module) -> {
            int port = Repo.httpPort(module);
            assertThat((List<Object>) service(name).get("ports")).as(name).containsExactly(port + ":" + port);
            Map<String, Object> health = (Map<String, Object>) service(name).get("healthcheck");
            assertThat(String.join(" ", (List<String>) health.get("test")))
                    .as(name).contains("http://localhost:" + port + "/q/health/ready");
        });
    }

    @Test
    void everyEnvironmentVariableIsAConfigKeyOfItsService() {
        moduleServices().forEach((name, module) -> {
            Set<String> known = Repo.configKeys(module).stream().map(Repo::envName).collect(Collectors.toSet());
            Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
            assertThat(env).as(name).isNotEmpty();
            assertThat(env.keySet()).as(name + " environment").allSatisfy(k -> assertThat(known).contains(k));
        });
    }

    @Test
    void servicesReachKafkaOnItsInternalListener() {
        Map<String, Object> kafkaEnv = (Map<String, Object>) service("kafka").get("environment");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS"))).contains("INTERNAL://kafka:29092");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        assertThat(service("kafka").get("healthcheck")).isNotNull();
        moduleServices().keySet().forEach(name -> assertThat(
                ((Map<String, Object>) service(name).get("environment")).get("KAFKA_BOOTSTRAP_SERVERS"))
                .as(name).isEqualTo("kafka:29092"));
    }

    @Test
    void topicInitCreatesExactlyStarlightTopicsWithTheirPartitionsAndConfigs() {
        Map<String, Object> init = service("topic-init");
        assertThat((List<String>) init.get("volumes")).contains("./deploy/kafka/create-topics.sh:/create-topics.sh:ro");
        assertThat((List<String>) init.get("entrypoint")).containsExactly("bash", "/create-topics.sh");

        Map<String, String> created = new TreeMap<>();
        Pattern line = Pattern.compile("^create \"\\$P\\.(\\S+)\"\\s+(\\d+)(.*)$");
        for (String l : Repo.read("deploy/kafka/create-topics.sh").split("\n")) {
            Matcher m = line.matcher(l.trim());
            if (m.matches()) {
                Map<String, String> configs = new TreeMap<>();
                Matcher c = Pattern.compile("--config (\\S+)=(\\S+)").matcher(m.group(3));
                while (c.find()) {
                    configs.put(c.group(1), c.group(2));
                }
                assertThat(created.put(m.group(1), m.group(2) + " " + configs)).as("created twice: " + m.group(1)).isNull();
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (TopicSpec s : TopicSpec.ALL) {
            expected.put(s.suffix(), s.partitions() + " " + new TreeMap<>(s.configs()));
        }
        assertThat(created).isEqualTo(expected);
    }

    @Test
    void prometheusScrapesEveryServiceWithMetricsOnItsPort() {
        Map<String, Object> prom = Repo.yaml("deploy/prometheus/prometheus.yml");
        Map<String, String> targets = new HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prom.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
            for (Map<String, Object> sc : (List<Map<String, Object>>) job.get("static_configs")) {
                for (String t : (List<String>) sc.get("targets")) {
                    targets.put((String) job.get("job_name"), t);
                }
            }
        }
        Map<String, String> expected = new HashMap<>();
        moduleServices().forEach((name, module) -> {
            if (Repo.exposesMetrics(module)) {
                expected.put(module, name + ":" + Repo.httpPort(module));
            }
        });
        assertThat(expected).hasSize(4);
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void namedVolumesAreDeclaredAndBindMountsExist() {
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        Set<String> used = new TreeSet<>();
        services.forEach((name, v) -> {
            List<String> volumes = (List<String>) ((Map<String, Object>) v).get("volumes");
            for (String vol : volumes == null ? List.<String>of() : volumes) {
                String source = vol.substring(0, vol.indexOf(':'));
                if (source.startsWith("./")) {
                    assertThat(Files.exists(Repo.ROOT.resolve(source.substring(2)))).as(vol).isTrue();
                } else {
                    used.add(source);
                }
            }
        });
        assertThat(used).isEqualTo(new TreeSet<>(declared));
    }
}
