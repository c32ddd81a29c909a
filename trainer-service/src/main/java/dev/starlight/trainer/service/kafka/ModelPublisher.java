package dev.starlight.trainer.service.kafka;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.model.ModelEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes a made model: its envelope to {@code starlight.models} (compacted; key = model name), then, once the
 * broker has it, its evaluation to {@code starlight.metrics} (same key), so the monitor never sees figures for a
 * model the registry lacks.
 */
@ApplicationScoped
public class ModelPublisher {
    private final Emitter<byte[]> models;
    private final MetricEvents metrics;

    public ModelPublisher(@Channel(Channels.MODELS) Emitter<byte[]> models, MetricEvents metrics) {
        this.models = models;
        this.metrics = metrics;
    }

    /** Completes when the broker has acknowledged both records. */
    public CompletableFuture<Void> publish(ModelEnvelope envelope, ModelEvaluationEvent evaluation) {
        return KafkaSend.keyed(models, envelope.name(), envelope.toBytes())
                .thenCompose(v -> metrics.send(envelope.name(), evaluation));
    }
}
