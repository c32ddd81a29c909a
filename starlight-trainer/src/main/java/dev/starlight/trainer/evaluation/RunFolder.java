package dev.starlight.trainer.evaluation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A finished run's folder read back: its metrics and its provenance (config, versions, command).
 *
 * @param dir        the folder
 * @param metrics    {@code metrics.json}
 * @param provenance {@code provenance.json}
 */
public record RunFolder(Path dir, ModelMetrics metrics, JsonNode provenance) {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static RunFolder read(Path dir) throws IOException {
        return new RunFolder(dir, JSON.readValue(dir.resolve("metrics.json").toFile(), ModelMetrics.class),
                JSON.readTree(dir.resolve("provenance.json").toFile()));
    }

    public JsonNode config() {
        return provenance.path("config");
    }
}
