package dev.starlight.trainer.service.runs;

import dev.starlight.trainer.TrainingProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus meters: {@code starlight_training_runs_total{status=succeeded|failed}},
 * {@code starlight_training_running} (1 while a run trains) and {@code starlight_training_last_tiles_per_second}
 * (the last throughput a run reported; it keeps its value after the run ends).
 */
@Singleton
public class TrainingMetrics {
    private final Map<RunStatus, Counter> finished;
    private final AtomicInteger running = new AtomicInteger();
    private volatile double lastTilesPerSecond;

    public TrainingMetrics(MeterRegistry registry) {
        this.finished = Map.of(RunStatus.SUCCEEDED, runs(registry, RunStatus.SUCCEEDED),
                RunStatus.FAILED, runs(registry, RunStatus.FAILED));
        Gauge.builder("starlight_training_running", running, AtomicInteger::get)
                .description("1 while a training run executes, else 0").register(registry);
        Gauge.builder("starlight_training_last_tiles_per_second", this, m -> m.lastTilesPerSecond)
                .description("Training throughput last reported by a run").register(registry);
    }

    private static Counter runs(MeterRegistry registry, RunStatus status) {
        return Counter.builder("starlight_training_runs").description("Training runs ended, by outcome")
                .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    void started() {
        running.set(1);
    }

    void progress(TrainingProgress progress) {
        if (progress.tilesPerSecond() > 0) {
            lastTilesPerSecond = progress.tilesPerSecond();
        }
    }

    void finished(RunStatus status) {
        running.set(0);
        Counter counter = finished.get(status);
        if (counter != null) {
            counter.increment();
        }
    }
}
