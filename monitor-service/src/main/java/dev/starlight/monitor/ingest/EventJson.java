package dev.starlight.monitor.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.ScanBatchMetrics;
import java.io.IOException;
import java.util.Optional;

/** Decodes record values; anything that is not what it should be comes back empty, never as an exception. */
public final class EventJson {
    public static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static Optional<ScanOutcome> scanOutcome(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            ScanOutcome o = JSON.readValue(value, ScanOutcome.class);
            return o != null && o.verdict() != null ? Optional.of(o) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A metric event: its type and its tree (so unknown types are recognised without a class for each). */
    public static Optional<JsonNode> tree(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<ModelEvaluationEvent> evaluation(JsonNode node) {
        try {
            ModelEvaluationEvent e = JSON.treeToValue(node, ModelEvaluationEvent.class);
            boolean complete = e != null && e.model() != null && e.version() != null && e.dataSha256() != null
                    && e.fprByFormat() != null && e.tprByGroup() != null;
            return complete ? Optional.of(e) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<ScanBatchMetrics> scanBatch(JsonNode node) {
        try {
            ScanBatchMetrics m = JSON.treeToValue(node, ScanBatchMetrics.class);
            return m != null && m.count() >= 0 ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
