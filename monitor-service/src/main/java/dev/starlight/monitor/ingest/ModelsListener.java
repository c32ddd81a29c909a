package dev.starlight.monitor.ingest;

import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.monitor.baseline.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the compacted {@code starlight.models} registry from the beginning: each envelope's name, version,
 * checksum and creation time go to {@link ModelCatalog}. Damaged envelopes are counted as garbage; tombstones skipped.
 */
@ApplicationScoped
public class ModelsListener {
    private final ModelCatalog catalog;
    private final IngestCounters counters;

    public ModelsListener(ModelCatalog catalog, IngestCounters counters) {
        this.catalog = catalog;
        this.counters = counters;
    }

    @Incoming(Channels.MODELS)
    public void consume(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            counters.count(r.topic(), "tombstone");
            return;
        }
        try {
            ModelEnvelope e = ModelEnvelope.fromBytes(r.value());
            catalog.put(new ModelCatalog.PublishedModel(e.name(), e.version(), e.sha256(), e.createdAt(),
                    Instant.ofEpochMilli(r.timestamp()), r.value().length));
            counters.count(r.topic(), "envelope");
        } catch (RuntimeException e) { // StarlightException for damage; anything else is damage too
            counters.count(r.topic(), "garbage");
        }
    }
}
