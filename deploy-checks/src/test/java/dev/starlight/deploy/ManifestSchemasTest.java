package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema checks fail on what they must: a deliberately misspelled key, a wrong type and a missing required
 * field in a rendered manifest, a kind with no schema, and a misspelled or mistyped dashboard field; and every
 * dashboard the project ships passes the Grafana schema.
 */
class ManifestSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode renderedDeployment() {
        return ChartRender.find(ChartRender.objects(ChartRender.template(null)), "Deployment", "rel-detector").deepCopy();
    }

    private static List<JsonNode> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(Repo.ROOT.resolve("deploy/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    return JSON.readTree(f.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(f + ": " + e, e);
                }
            }).toList();
        }
    }

    @Test
    void theRenderedDeploymentIsValidBeforeItIsBroken() {
        assertThat(ManifestSchemas.kubernetesErrors(renderedDeployment())).isEmpty();
    }

    @Test
    void aMisspelledKeyInAManifestFails() {
        JsonNode dep = renderedDeployment();
        ObjectNode container = (ObjectNode) dep.at("/spec/template/spec/containers/0");
        container.set("imagePullPolicyy", container.remove("imagePullPolicy"));
        List<String> errors = ManifestSchemas.kubernetesErrors(dep);
        System.out.println("misspelled imagePullPolicyy: " + errors);
        assertThat(errors).anyMatch(e -> e.contains("imagePullPolicyy"));
    }

    @Test
    void aMisspelledKeyAtTheTopOfACustomResourceFails() {
        List<JsonNode> all = ChartRender.objects(ChartRender.template(ChartRender.ALL_FEATURES));
        ObjectNode monitor = ChartRender.find(all, "ServiceMonitor", "rel").deepCopy();
        ((ObjectNode) monitor.get("spec")).set("endpoint", ((ObjectNode) monitor.get("spec")).remove("endpoints"));
        assertThat(ManifestSchemas.kubernetesErrors(monitor)).anyMatch(e -> e.contains("endpoint"));
        ObjectNode topic = ChartRender.find(all, "KafkaTopic", "starlight.scan.requests").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "four");
        assertThat(ManifestSchemas.kubernetesErrors(topic)).anyMatch(e -> e.contains("partitions"));
    }

    @Test
    void aWrongTypeAndAMissingRequiredFieldFail() {
        JsonNode dep = renderedDeployment();
        ((ObjectNode) dep.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", "eighty");
        assertThat(ManifestSchemas.kubernetesErrors(dep)).anyMatch(e -> e.contains("containerPort"));

        JsonNode noSelector = renderedDeployment();
        ((ObjectNode) noSelector.get("spec")).remove("selector");
        assertThat(ManifestSchemas.kubernetesErrors(noSelector)).anyMatch(e -> e.contains("selector"));
    }

    @Test
    void aKindWithoutASchemaFails() {
        ObjectNode job = JSON.createObjectNode().put("apiVersion", "batch/v1").put("kind", "Job");
        assertThat(ManifestSchemas.kubernetesErrors(job)).singleElement().asString().contains("no schema for kind 'Job'");
    }

    @Test
    void everyShippedDashboardPassesTheGrafanaSchema() throws IOException {
        List<JsonNode> dashboards = dashboards();
        assertThat(dashboards).hasSize(3);
        for (JsonNode d : dashboards) {
            assertThat(ManifestSchemas.dashboardErrors(d)).as(d.path("uid").asText()).isEmpty();
        }
    }

    @Test
    void aMisspelledOrMistypedDashboardFieldFails() throws IOException {
        ObjectNode d = dashboards().get(0).deepCopy();
        ObjectNode panel = (ObjectNode) d.at("/panels/0");
        panel.set("gridPosition", panel.remove("gridPos"));
        List<String> errors = ManifestSchemas.dashboardErrors(d);
        System.out.println("dashboard with gridPosition: " + errors.size() + " errors, e.g. "
                + errors.stream().filter(e -> e.contains("gridPosition")).findFirst().orElse("?"));
        assertThat(errors).anyMatch(e -> e.contains("gridPosition"));

        ObjectNode mistyped = dashboards().get(0).deepCopy();
        mistyped.put("refresh", 30);
        assertThat(ManifestSchemas.dashboardErrors(mistyped)).anyMatch(e -> e.contains("refresh"));
    }
}
