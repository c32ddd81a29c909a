package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/monitoring-api.md is generated from the monitor's OpenAPI document (written to
 * monitor-service/target/openapi.json by its OpenApiExportTest) and must match it. Regenerate with
 * {@code ./mvnw -pl deploy-checks test -Dtest=MonitoringApiDocTest -Dstarlight.write-docs=true}.
 */
class MonitoringApiDocTest {
    /** Where the generated reference ends: from here on the doc is written by hand (the client's examples). */
    static final String CLIENT_SECTION = "\n## Java client\n";
    private static final Path OPENAPI = Repo.ROOT.resolve("monitor-service/target/openapi.json");
    private static final Path DOC = Repo.ROOT.resolve("docs/monitoring-api.md");

    static String type(JsonNode schema) {
        if (schema == null || schema.isEmpty()) {
            return "any";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return "`" + ref.substring(ref.lastIndexOf('/') + 1) + "`";
        }
        if (schema.has("type") && schema.get("type").asText().equals("array")) {
            return type(schema.get("items")) + "[]";
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return String.join(" \\| ", values);
        }
        if (schema.has("additionalProperties")) {
            return "map of " + type(schema.get("additionalProperties"));
        }
        String t = schema.path("type").asText("any");
        return schema.has("format") ? t + " (" + schema.get("format").asText() + ")" : t;
    }

    private static String content(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("content").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(e.getKey() + " " + type(e.getValue().get("schema")));
        }
        return String.join(", ", out);
    }

    static String render(JsonNode api) {
        StringBuilder md = new StringBuilder("# Monitoring API reference\n\n")
                .append("Generated from the monitor's OpenAPI document (`GET /q/openapi` on port 8082) by ")
                .append("`deploy-checks/MonitoringApiDocTest`, which fails when this file and the code disagree. ")
                .append("What the endpoints compute: [monitor-service/README.md](../monitor-service/README.md).\n");
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode o = op.getValue();
                md.append("\n## ").append(op.getKey().toUpperCase()).append(' ').append(path.getKey()).append("\n\n");
                md.append(o.path("summary").asText("")).append("\n");
                if (o.has("parameters")) {
                    md.append("\n| parameter | in | type | required |\n|---|---|---|---|\n");
                    for (JsonNode p : o.get("parameters")) {
                        md.append("| `").append(p.get("name").asText()).append("` | ").append(p.get("in").asText())
                                .append(" | ").append(type(p.get("schema"))).append(" | ")
                                .append(p.path("required").asBoolean(false) ? "yes" : "no").append(" |\n");
                    }
                }
                if (o.has("requestBody")) {
                    md.append("\nBody: ").append(content(o.get("requestBody"))).append("\n");
                }
                List<String> responses = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> rs = o.path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    String c = content(r.getValue());
                    responses.add(r.getKey() + (c.isEmpty() ? "" : " (" + c + ")"));
                }
                md.append("\nResponses: ").append(String.join("; ", responses)).append("\n");
            }
        }
        md.append("\n## Schemas\n");
        for (Iterator<Map.Entry<String, JsonNode>> ss = api.path("components").path("schemas").fields(); ss.hasNext(); ) {
            Map.Entry<String, JsonNode> s = ss.next();
            md.append("\n### ").append(s.getKey()).append("\n\n");
            if (!s.getValue().has("properties")) {
                md.append(type(s.getValue())).append("\n");
                continue;
            }
            md.append("| field | type |\n|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> ps = s.getValue().get("properties").fields(); ps.hasNext(); ) {
                Map.Entry<String, JsonNode> p = ps.next();
                md.append("| `").append(p.getKey()).append("` | ").append(type(p.getValue())).append(" |\n");
            }
        }
        return md.toString();
    }

    @Test
    void theReferenceIsTheMonitorsOpenApi() throws IOException {
        assertThat(OPENAPI).as(OPENAPI + " is written by monitor-service's OpenApiExportTest: run it first").exists();
        String generated = render(new ObjectMapper().readTree(OPENAPI.toFile()));
        assertThat(generated).contains("## GET /v1/monitoring/regressions/{name}",
                "## POST /v1/monitoring/models/{name}/{version}/override");
        // the hand-written part (the Java client's examples) follows the generated reference and is kept as it is
        String doc = Files.readString(DOC);
        int client = doc.indexOf(CLIENT_SECTION);
        String written = client < 0 ? "" : doc.substring(client);
        if (Boolean.getBoolean("starlight.write-docs")) {
            Files.writeString(DOC, generated + written);
        }
        assertThat(client < 0 ? doc : doc.substring(0, client)).as("docs/monitoring-api.md is stale: regenerate it")
                .isEqualTo(generated);
    }
}
