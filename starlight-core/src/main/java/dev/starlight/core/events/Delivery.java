package dev.starlight.core.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One outgoing record's delivery as a future: the bridge from a messaging library's per-message ack and nack
 * callbacks (pass {@link #acked} and {@link #refused}) to a {@link CompletableFuture} that completes when the broker
 * has the record and fails when it refused it or when handing the record over threw.
 *
 * <pre>{@code
 * Delivery delivery = new Delivery();
 * Message<T> message = Message.of(payload).withAck(delivery::acked).withNack(delivery::refused);
 * return delivery.send(() -> emitter.send(message));
 * }</pre>
 */
public final class Delivery {
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** The ack callback: the record is written. */
    public CompletionStage<Void> acked() {
        done.complete(null);
        return CompletableFuture.completedFuture(null);
    }

    /** The nack callback: the record was not written. */
    public CompletionStage<Void> refused(Throwable failure) {
        done.completeExceptionally(failure);
        return CompletableFuture.completedFuture(null);
    }

    /** Hands the record over with {@code send}; the future fails at once when that throws. */
    public CompletableFuture<Void> send(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
