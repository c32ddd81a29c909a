package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana dashboard queries is served by a service Prometheus scrapes. What the services serve was
 * written by their own MetricsExportTest (a running app's /q/metrics) to {module}/target/exposed-metrics.txt; this
 * module is built after them, so `./mvnw verify` runs those first.
 */
class DashboardMetricsTest {
    private static final Path DASHBOARDS = Repo.ROOT.resolve("deploy/grafana/dashboards");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "le", "inf", "nan");

    /** Metric names in a PromQL expression: identifiers that are neither functions, keywords nor label names. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"[^\"]*\"", "\"\"")           // label values and strings
                .replaceAll("\\{[^}]*}", " ")                         // label matchers
                .replaceAll("\\[[^]]*]", " ")                         // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(s);
        while (m.find()) {
            String id = m.group().replaceAll("[\\s(]", "");
            if (m.group(1) == null && !PROMQL_WORDS.contains(id.toLowerCase())) {
                names.add(id);
            }
        }
        return names;
    }

    private static List<JsonNode> dashboards() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    return json.readTree(f.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(f + ": " + e, e);
                }
            }).toList();
        }
    }

    /** The sample names each scraped service served in its tests. */
    private static Set<String> exposed() throws IOException {
        Set<String> all = new HashSet<>();
        for (String module : Repo.SERVICES.keySet()) {
            if (!Repo.exposesMetrics(module)) {
                continue;
            }
            Path f = Repo.ROOT.resolve(module + "/target/exposed-metrics.txt");
            assertThat(f).as(f + " is written by " + module + "'s MetricsExportTest: run it first").exists();
            all.addAll(Files.readAllLines(f));
        }
        return all;
    }

    @Test
    void theExtractorFindsMetricsAndNotFunctionsOrLabels() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(starlight_scan_compute_seconds_bucket[5m])))"))
                .containsExactly("starlight_scan_compute_seconds_bucket");
        assertThat(metricNames("sum(rate(a_total{verdict=\"error\"}[5m])) / sum by (job) (rate(b_total[5m]))"))
                .containsExactly("a_total", "b_total");
        assertThat(metricNames("count(count by (model) (m))")).containsExactly("m");
    }

    @Test
    void everyQueriedMetricIsServedByAScrapedService() throws IOException {
        Set<String> exposed = exposed();
        Map<String, Set<String>> missing = new TreeMap<>();
        int queries = 0;
        List<JsonNode> dashboards = dashboards();
        assertThat(dashboards).hasSize(3);
        for (JsonNode d : dashboards) {
            for (JsonNode panel : d.get("panels")) {
                assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    Set<String> names = metricNames(target.get("expr").asText());
                    assertThat(names).as(target.get("expr").asText()).isNotEmpty();
                    queries++;
                    for (String n : names) {
                        if (!exposed.contains(n)) {
                            missing.computeIfAbsent(d.get("uid").asText(), k -> new TreeSet<>()).add(n);
                        }
                    }
                }
            }
        }
        assertThat(queries).isGreaterThan(20);
        assertThat(missing).as("queried but served by no service").isEmpty();
    }

    @Test
    void dashboardsUseTheProvisionedDatasourceAndHaveUniqueIds() throws IOException {
        Map<String, Object> ds = Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
        @SuppressWarnings("unchecked")
        String uid = (String) ((List<Map<String, Object>>) ds.get("datasources")).get(0).get("uid");
        Set<String> uids = new HashSet<>();
        for (JsonNode d : dashboards()) {
            assertThat(uids.add(d.get("uid").asText())).as("uid " + d.get("uid")).isTrue();
            for (JsonNode panel : d.get("panels")) {
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo(uid);
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.at("/datasource/uid").asText()).isEqualTo(uid);
                }
            }
        }
        Map<String, Object> provider = Repo.yaml("deploy/grafana/provisioning/dashboards/starlight.yml");
        assertThat(provider.toString()).contains("path=/var/lib/grafana/dashboards");
        assertThat(Repo.read("docker-compose.yml")).contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }
}
