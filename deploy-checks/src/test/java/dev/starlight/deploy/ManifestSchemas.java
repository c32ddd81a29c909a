package dev.starlight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schemas vendored in deploy/schemas (made from npm's kubernetes-models, its Prometheus-operator and Strimzi
 * CRD models and @grafana/schema by deploy/schemas/generate.sh). Their objects say "additionalProperties": false,
 * so a field name the API does not know, such as a misspelled key, is an error like a wrong type or a missing field.
 */
final class ManifestSchemas {
    static final Path DIR = Repo.ROOT.resolve("deploy/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<Path, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ManifestSchemas() {
    }

    /** The problems of one Kubernetes object (empty when it is valid); an object of a kind with no schema is one. */
    static List<String> kubernetesErrors(JsonNode object) {
        String kind = object.path("kind").asText();
        Path schema = DIR.resolve("kubernetes/" + kind + ".json");
        if (!Files.exists(schema)) {
            return List.of("no schema for kind '" + kind + "' in " + DIR.relativize(schema.getParent()));
        }
        return errors(schema, object);
    }

    /** The problems of a Grafana dashboard (empty when it is valid). */
    static List<String> dashboardErrors(JsonNode dashboard) {
        return errors(DIR.resolve("grafana/dashboard.json"), dashboard);
    }

    private static List<String> errors(Path schemaFile, JsonNode node) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaFile, f -> {
            try {
                return FACTORY.getSchema(JSON.readTree(f.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
