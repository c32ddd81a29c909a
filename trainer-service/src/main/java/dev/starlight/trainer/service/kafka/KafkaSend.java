package dev.starlight.trainer.service.kafka;

import dev.starlight.core.events.Delivery;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** One keyed record through an emitter, with a future that completes when the broker acknowledges it. */
final class KafkaSend {
    private KafkaSend() {
    }

    static <T> CompletableFuture<Void> keyed(Emitter<T> emitter, String key, T payload) {
        Delivery delivery = new Delivery();
        Message<T> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(delivery::acked)
                .withNack(delivery::refused);
        return delivery.send(() -> emitter.send(message));
    }
}
