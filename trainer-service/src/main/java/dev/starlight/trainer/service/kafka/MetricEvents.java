package dev.starlight.trainer.service.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Events to {@code starlight.metrics} as JSON: the one emitter of that channel, shared by every publisher here. */
@ApplicationScoped
public class MetricEvents {
    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public MetricEvents(@Channel(Channels.METRICS) Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Completes when the broker has the event. */
    public CompletableFuture<Void> send(String key, Object event) {
        try {
            return KafkaSend.keyed(emitter, key, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
