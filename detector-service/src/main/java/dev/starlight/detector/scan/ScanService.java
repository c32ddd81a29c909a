package dev.starlight.detector.scan;

import dev.starlight.core.image.ImageLimits;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.detector.config.DetectorConfig;
import dev.starlight.detector.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/**
 * The one place both paths scan: the current model's {@link Scanner}, a content cache, and the metrics.
 * The Kafka and HTTP front ends only translate to and from this.
 */
@ApplicationScoped
public class ScanService {
    private final ModelRegistry models;
    private final ScanWorkers workers;
    private final ScanMetrics metrics;
    private final ResultCache cache;
    private final ImageLimits limits;

    public ScanService(ModelRegistry models, ScanWorkers workers, ScanMetrics metrics, DetectorConfig config) {
        this.models = models;
        this.workers = workers;
        this.metrics = metrics;
        this.cache = new ResultCache(config.cacheEntries());
        this.limits = ImageLimits.DEFAULT.withMaxBytes(config.maxImageBytes()).withMaxPixels(config.maxPixels());
    }

    /** Scans on the calling thread. */
    public ScanResult scan(ScanRequest request, boolean extract, String path) {
        long start = System.nanoTime();
        ModelRegistry.Lease lease = models.acquire();
        try {
            String sha256 = Scanner.sha256(request.data() == null ? new byte[0] : request.data());
            String key = ResultCache.key(sha256, extract, lease.version());
            ScanResult cached = cache.get(key);
            ScanResult result;
            if (cached != null) {
                result = restamp(cached, request, (System.nanoTime() - start) / 1_000_000);
                metrics.cacheHit();
            } else {
                result = lease.scanner(new ScanOptions(limits, extract)).scan(request, sha256);
                cache.put(key, result);
            }
            metrics.scanned(result, path, System.nanoTime() - start);
            return result;
        } finally {
            lease.release();
        }
    }

    /** Scans on a worker thread; {@code enqueuedNanos} lets queue time be measured apart from compute time. */
    public CompletableFuture<ScanResult> submit(ScanRequest request, boolean extract, String path) {
        long enqueued = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            metrics.queued(path, System.nanoTime() - enqueued);
            return scan(request, extract, path);
        }, workers.executor());
    }

    private static ScanResult restamp(ScanResult r, ScanRequest request, long latencyMs) {
        String id = request.requestId() != null ? request.requestId() : r.requestId();
        return new ScanResult(id, r.sha256(), request.source(), r.format(), r.width(), r.height(), r.verdict(),
                r.stegoProbability(), r.method(), r.bitOrder(), r.payload(), r.evidence(), r.modelVersion(),
                latencyMs, r.error());
    }
}
