package dev.starlight.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    @Test
    void completesWhenTheRecordIsAcknowledged() {
        Delivery delivery = new Delivery();
        CompletableFuture<Void> done = delivery.send(() -> { });
        assertThat(done).isNotDone();

        delivery.acked();
        assertThat(done).isCompleted();
    }

    @Test
    void failsWithTheBrokersReasonOnANack() {
        Delivery delivery = new Delivery();
        CompletableFuture<Void> done = delivery.send(() -> delivery.refused(new IllegalStateException("not leader")));

        assertThat(done).isCompletedExceptionally();
        assertThat(done.handle((v, t) -> t.getMessage()).join()).isEqualTo("not leader");
    }

    @Test
    void failsAtOnceWhenHandingTheRecordOverThrows() {
        CompletableFuture<Void> done = new Delivery().send(() -> {
            throw new IllegalStateException("buffer full");
        });

        assertThat(done.handle((v, t) -> t.getMessage()).join()).isEqualTo("buffer full");
    }
}
