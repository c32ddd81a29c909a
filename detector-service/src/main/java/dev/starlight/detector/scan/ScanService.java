package dev.starlight.detector.scan;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.ImageLimits;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanOptions;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.detector.config.DetectorConfig;
import dev.starlight.detector.kafka.HttpResultPublisher;
import dev.starlight.detector.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one place both paths scan: the current model's {@link Scanner}, a content cache, and the metrics.
 * The Kafka and HTTP front ends only translate to and from this. Every answer on the HTTP path is also published to
 * the results topic ({@link HttpResultPublisher}), as the Kafka path's are, so the monitor counts both.
 */
@ApplicationScoped
public class ScanService {
    private final ModelRegistry models;
    private final ScanWorkers workers;
    private final ScanMetrics metrics;
    private final ResultCache cache;
    private final ImageLimits limits;
    private final Duration scanTimeout;
    private final HttpResultPublisher httpResults;

    public ScanService(ModelRegistry models, ScanWorkers workers, ScanMetrics metrics, DetectorConfig config,
                       HttpResultPublisher httpResults) {
        this.httpResults = httpResults;
        this.models = models;
        this.workers = workers;
        this.metrics = metrics;
        this.cache = new ResultCache(config.cacheEntries());
        this.scanTimeout = config.scanTimeout();
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
                result = cached.restamped(request.requestId(), request.source(),
                        (System.nanoTime() - start) / 1_000_000);
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

    /**
     * Scans on a worker thread. The answer is the scan's result, or a TIMEOUT error result when the scan runs
     * past {@code starlight.detector.scan-timeout} from the moment a worker starts it (queue time is not counted):
     * exactly one answer either way, the later one is dropped.
     */
    public CompletableFuture<ScanResult> submit(ScanRequest request, boolean extract, String path) {
        long enqueued = System.nanoTime();
        CompletableFuture<ScanResult> answer = new CompletableFuture<>();
        try {
            workers.executor().execute(() -> {
                metrics.queued(path, System.nanoTime() - enqueued);
                ScheduledFuture<?> limit = workers.timer().schedule(() -> answer.complete(timedOut(request)),
                        scanTimeout.toNanos(), TimeUnit.NANOSECONDS);
                try {
                    answer.complete(scan(request, extract, path));
                } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                } finally {
                    limit.cancel(false);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(e);
        }
        if (Topics.PATH_HTTP.equals(path)) {
            answer.thenAccept(httpResults::publish); // the answer, TIMEOUT included: what the HTTP client gets
        }
        return answer;
    }

    private ScanResult timedOut(ScanRequest request) {
        byte[] data = request.data() == null ? new byte[0] : request.data();
        String sha256 = Scanner.sha256(data);
        String id = request.requestId() != null ? request.requestId() : "sha256:" + sha256.substring(0, 16);
        String format = ImageFormat.sniff(data).map(ImageFormat::label).orElse(null);
        return ScanResult.error(id, sha256, request.source(), format, models.version(), scanTimeout.toMillis(),
                new ScanError(ErrorCode.TIMEOUT.name(),
                        "scan took longer than the " + scanTimeout.toMillis() + " ms limit"));
    }
}
