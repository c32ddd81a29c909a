package dev.starlight.core.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** One JSON document per {@link Explanation}, identical over Kafka and HTTP. */
public final class ExplanationJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ExplanationJson() {
    }

    public static String write(Explanation explanation) {
        try {
            return JSON.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Explanation read(String json) {
        try {
            return JSON.readValue(json, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
