package dev.starlight.trainer.service.kafka;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** One keyed record through an emitter, with a future that completes when the broker acknowledges it. */
final class KafkaSend {
    private KafkaSend() {
    }

    static <T> CompletableFuture<Void> keyed(Emitter<T> emitter, String key, T payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<T> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
