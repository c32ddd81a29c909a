package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.TopicSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart's values and settings against the code: ports, modules, topics, config keys. The templates
 * themselves are linted, rendered and checked by Helm itself in HelmChartTest.
 */
@SuppressWarnings("unchecked")
class HelmValuesTest {
    private final Map<String, Object> values = Repo.yaml("deploy/helm/starlight/values.yaml");

    @Test
    void everyServiceHasItsModuleAndPortAndMetricsFlag() {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) values.get("services");
        Set<String> modules = new HashSet<>();
        services.forEach((name, svc) -> {
            String module = (String) svc.get("module");
            modules.add(module);
            assertThat(svc.get("port")).as(name).isEqualTo(Repo.httpPort(module));
            assertThat(svc.get("metrics")).as(name).isEqualTo(Repo.exposesMetrics(module));
        });
        assertThat(modules).isEqualTo(Repo.SERVICES.keySet());
    }

    @Test
    void kafkaTopicsAreTheTopicSpecsWithTheirPartitionsRetentionAndCompaction() {
        Map<String, String> chart = new TreeMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) values.get("topics")) {
            chart.put((String) t.get("suffix"), t.get("partitions") + " retention=" + t.get("retentionMs")
                    + " compacted=" + t.get("compacted"));
        }
        Map<String, String> expected = new TreeMap<>();
        for (TopicSpec s : TopicSpec.ALL) {
            expected.put(s.suffix(), s.partitions() + " retention=" + s.retentionMs() + " compacted=" + s.compacted());
        }
        assertThat(chart).isEqualTo(expected);
        String template = Repo.read("deploy/helm/starlight/templates/kafkatopics.yaml");
        assertThat(template).contains("retention.ms: {{ quote $t.retentionMs }}");
        for (String key : List.of("max.message.bytes", "cleanup.policy", "min.compaction.lag.ms", "segment.ms")) {
            for (TopicSpec s : TopicSpec.ALL) {
                if (s.configs().containsKey(key)) {
                    assertThat(template).as(s.suffix() + " " + key).contains(key + ": " + quoted(key, s.configs().get(key)));
                }
            }
        }
    }

    private static String quoted(String key, String value) {
        return key.equals("cleanup.policy") ? value : "\"" + value + "\"";
    }

    @Test
    void everyKeyTheConfigMapSetsIsReadBySomeService() {
        Set<String> known = new HashSet<>();
        Repo.SERVICES.keySet().forEach(m -> known.addAll(Repo.configKeys(m)));
        String cm = Repo.read("deploy/helm/starlight/templates/configmap.yaml");
        int n = 0;
        for (String line : cm.split("\n")) {
            String l = line.trim();
            if (l.matches("[a-z][a-z0-9.-]+=.*")) {
                String key = l.substring(0, l.indexOf('='));
                n++;
                // kafka.* other than the bootstrap servers are Kafka client settings, passed to every channel
                if (!key.startsWith("kafka.")) {
                    assertThat(known).as(key).contains(key);
                }
            }
        }
        assertThat(n).isGreaterThan(8);
    }
}
