package dev.starlight.detector.scan;

import dev.starlight.detector.config.DetectorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan threads, one per core by default, shared by Kafka and HTTP. Kafka work is bounded by the poll size;
 * HTTP work takes a permit first, so a flood of requests is refused (429) instead of queueing without end.
 */
@ApplicationScoped
public class ScanWorkers {
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private final Semaphore httpPermits;
    private final int threads;

    public ScanWorkers(DetectorConfig config) {
        this.threads = config.workers() > 0 ? config.workers() : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "starlight-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "starlight-scan-timer");
            t.setDaemon(true);
            return t;
        });
        this.httpPermits = new Semaphore(threads + config.httpQueue());
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Fires the per-image time limits. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    public int threads() {
        return threads;
    }

    /** Takes an HTTP slot if one is free right now. */
    public boolean tryAcquireHttp() {
        return httpPermits.tryAcquire();
    }

    public void releaseHttp() {
        httpPermits.release();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        timer.shutdownNow();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
