package dev.starlight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/** The chart deploy/helm/starlight linted and rendered by Helm 3 itself (helm-java: Helm as a native library). */
final class ChartRender {
    static final Path CHART = Repo.ROOT.resolve("deploy/helm/starlight");
    /** Every optional part of the chart switched on. */
    static final Path ALL_FEATURES = Repo.ROOT.resolve("deploy/helm/all-features-values.yaml");
    static final String RELEASE = "rel";

    private ChartRender() {
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /** `helm template rel deploy/helm/starlight [-f valuesFile]` as text. */
    static String template(Path valuesFile) {
        var command = new Helm(CHART).template().withName(RELEASE);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        return command.call();
    }

    /** The objects of a rendered chart, as JSON trees. */
    static List<JsonNode> objects(String rendered) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(rendered)) {
            if (doc != null) {
                out.add(json.valueToTree(doc));
            }
        }
        return out;
    }

    /** The object of a kind and name, or an error naming what is there. */
    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among "
                        + objects.stream().map(ChartRender::id).toList()));
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    static List<String> names(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()))
                .map(o -> o.path("metadata").path("name").asText()).filter(Objects::nonNull).sorted().toList();
    }
}
