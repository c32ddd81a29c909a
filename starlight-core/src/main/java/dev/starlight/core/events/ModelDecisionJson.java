package dev.starlight.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON form of a {@link ModelDecision} on {@code starlight.models.decisions}: written by the monitor, read by every follower. */
public final class ModelDecisionJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private ModelDecisionJson() {
    }

    public static String write(ModelDecision decision) {
        try {
            return JSON.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one record value. Throws {@link IllegalArgumentException} when it is not a JSON object of this shape;
     * the message says where the JSON broke but never quotes the record's text.
     */
    public static ModelDecision read(byte[] json) {
        try {
            ModelDecision decision = JSON.readValue(json, ModelDecision.class);
            if (decision == null) {
                throw new IllegalArgumentException("unreadable model decision (JSON null)");
            }
            return decision;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable model decision (not JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ", column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
