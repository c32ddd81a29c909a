package dev.starlight.trainer.service.kafka;

import dev.starlight.trainer.publish.ProgressEvents;
import dev.starlight.trainer.service.runs.Run;
import dev.starlight.trainer.service.runs.RunQueue;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Once a second, publishes to {@code starlight.metrics} (key = model name) the latest progress of every publishing
 * run that reported something new: at most one {@code training.progress} event per run per second, whatever the
 * run's reporting rate, and its final DONE or FAILED report on the tick after it ends. Best effort: an event
 * Kafka refuses is logged, not retried.
 */
@Startup
@ApplicationScoped
public class ProgressPublisher {
    private static final Logger LOG = Logger.getLogger(ProgressPublisher.class);

    private final RunQueue queue;
    private final MetricEvents events;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "training-progress");
        t.setDaemon(true);
        return t;
    });

    public ProgressPublisher(RunQueue queue, MetricEvents events) {
        this.queue = queue;
        this.events = events;
    }

    @PostConstruct
    void start() {
        ticker.scheduleWithFixedDelay(() -> {
            try {
                publishNew();
            } catch (RuntimeException e) {
                // a thrown exception would cancel the schedule: log it and keep ticking
                LOG.warn("progress events not published", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    void publishNew() {
        for (Run run : queue.all()) {
            if (!run.plan().publish()) {
                continue;
            }
            run.takeUnpublishedProgress().ifPresent(reported -> {
                String model = run.plan().config().name();
                events.send(model, ProgressEvents.of(run.id(), model, reported.progress(), reported.at().toEpochMilli()))
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                LOG.warnf("progress event of run %s not published: %s", run.id(), failure.toString());
                            }
                        });
            });
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
