package dev.starlight.detector.scan;

import dev.starlight.core.scan.ScanResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus metrics in the style of Triton and Seldon: requests by outcome, verdict, method and format; queue
 * time apart from compute time; batch sizes; cache hits. Names are what the Grafana dashboards query.
 */
@ApplicationScoped
public class ScanMetrics {
    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final DistributionSummary batchSize;

    public ScanMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheHits = Counter.builder("starlight_cache_hits").description("Results served from the content cache")
                .register(registry);
        this.batchSize = DistributionSummary.builder("starlight_batch_size")
                .description("Records per Kafka micro-batch").publishPercentileHistogram().register(registry);
    }

    public void scanned(ScanResult result, String path, long nanos) {
        String outcome = result.error() == null ? "ok" : result.error().code();
        registry.counter("starlight_scans", "path", path, "verdict", result.verdict().label(),
                "method", result.method() == null ? "none" : result.method(),
                "format", result.format() == null ? "unknown" : result.format(), "outcome", outcome).increment();
        Timer.builder("starlight_scan_compute").description("Time to scan one image (decode, extract, detect)")
                .tag("path", path).publishPercentileHistogram().register(registry).record(Duration.ofNanos(nanos));
    }

    public void queued(String path, long nanos) {
        Timer.builder("starlight_scan_queue").description("Time an image waited for a scan thread")
                .tag("path", path).publishPercentileHistogram().register(registry).record(Duration.ofNanos(nanos));
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void modelSwap(String outcome) {
        registry.counter("starlight_model_swaps", "outcome", outcome).increment();
    }
}
