package dev.starlight.trainer.service.kafka;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelSigner;
import dev.starlight.trainer.service.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes a made model: its envelope to {@code starlight.models} (compacted; key = model name), then, once the
 * broker has it, its evaluation to {@code starlight.metrics} (same key), so the monitor never sees figures for a
 * model the registry lacks. With {@code starlight.trainer.signing-key}, the envelope is signed first.
 */
@ApplicationScoped
public class ModelPublisher {
    private static final Logger LOG = Logger.getLogger(ModelPublisher.class);

    private final Emitter<byte[]> models;
    private final MetricEvents metrics;
    private final ModelSigner signer;

    public ModelPublisher(@Channel(Channels.MODELS) Emitter<byte[]> models, MetricEvents metrics,
                          TrainerConfig config) {
        this.models = models;
        this.metrics = metrics;
        try {
            this.signer = config.signingKey().isEmpty() ? null : ModelSigner.fromPem(config.signingKey().get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read starlight.trainer.signing-key", e);
        }
        if (signer != null) {
            LOG.infof("published models are signed by key %s", signer.keyId());
        }
    }

    /** Completes when the broker has acknowledged both records. */
    public CompletableFuture<Void> publish(ModelEnvelope envelope, ModelEvaluationEvent evaluation) {
        ModelEnvelope published = signer == null ? envelope : signer.sign(envelope);
        return KafkaSend.keyed(models, published.name(), published.toBytes())
                .thenCompose(v -> metrics.send(envelope.name(), evaluation));
    }
}
