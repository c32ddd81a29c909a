package dev.starlight.monitor.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The models published on {@code starlight.models}, as the envelopes describe them (the ONNX bytes are not kept). */
@ApplicationScoped
public class ModelCatalog {

    /**
     * @param name        model name
     * @param version     model version
     * @param sha256      checksum of the ONNX bytes
     * @param createdAt   when the trainer made it
     * @param publishedAt the record's timestamp on the topic
     * @param onnxBytes   size of the model
     */
    public record PublishedModel(String name, String version, String sha256, Instant createdAt, Instant publishedAt,
                                 int onnxBytes) {
    }

    private final Map<String, PublishedModel> byKey = new TreeMap<>();

    public synchronized void put(PublishedModel m) {
        byKey.put(m.name() + "\u0000" + m.version(), m);
    }

    /** Whether an envelope of this version was published (and read here). */
    public synchronized boolean has(String name, String version) {
        return byKey.containsKey(name + "\u0000" + version);
    }

    public synchronized List<PublishedModel> all() {
        return new ArrayList<>(byKey.values());
    }
}
