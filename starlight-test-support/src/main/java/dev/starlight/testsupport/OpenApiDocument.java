package dev.starlight.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A service's OpenAPI document (JSON from {@code /q/openapi?format=json}) and the checks every service's
 * {@code OpenApiDocumentTest} makes on it: what would let the document drift into saying nothing.
 */
public final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    public OpenApiDocument(String json) {
        try {
            this.root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The operation, or a missing node. */
    public JsonNode operation(String path, String method) {
        return root.path("paths").path(path).path(method);
    }

    /** The schema a response's JSON body refers to, with {@code $ref} resolved once. */
    public JsonNode responseSchema(String path, String method, String status) {
        return resolve(operation(path, method).path("responses").path(status).path("content")
                .path("application/json").path("schema"));
    }

    public JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? root.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /**
     * Where the document says nothing: a response without a body schema (other than 204 and non-JSON bodies), an
     * empty schema ({@code {}}) anywhere, an operation with no 4xx or 5xx response. Empty when the document is complete.
     */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                boolean anError = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    anError |= r.getKey().startsWith("4") || r.getKey().startsWith("5");
                    JsonNode content = r.getValue().path("content");
                    if (!r.getKey().equals("204") && content.isEmpty()) {
                        gaps.add(where + " " + r.getKey() + ": no body described");
                    }
                    content.fields().forEachRemaining(c -> {
                        JsonNode schema = c.getValue().path("schema");
                        if (schema.isMissingNode() || schema.isEmpty()) {
                            gaps.add(where + " " + r.getKey() + " " + c.getKey() + ": empty schema");
                        }
                    });
                }
                if (!anError) {
                    gaps.add(where + ": no error response");
                }
            }
        }
        emptySchemas("components.schemas", root.path("components").path("schemas"), gaps);
        return gaps;
    }

    private static void emptySchemas(String where, JsonNode schemas, List<String> gaps) {
        schemas.fields().forEachRemaining(s -> {
            if (s.getValue().isEmpty()) {
                gaps.add(where + "." + s.getKey() + ": empty schema");
            }
            emptySchemas(where + "." + s.getKey(), s.getValue().path("properties"), gaps);
        });
    }
}
