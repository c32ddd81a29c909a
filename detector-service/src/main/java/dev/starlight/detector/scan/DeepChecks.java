package dev.starlight.detector.scan;

import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.SteghideDeepCheck;
import dev.starlight.detector.config.DetectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * The gateway's steghide deep checks ({@code POST /v1/scan?deep=true}): a seed search of about a minute per image
 * on its own threads, so few run at once ({@code starlight.detector.deep.concurrent}) and each is bounded in time
 * ({@code starlight.detector.deep.max-time}); the scan threads keep serving the fast path meanwhile.
 */
@ApplicationScoped
public class DeepChecks {
    private static final Logger LOG = Logger.getLogger(DeepChecks.class);

    private final SteghideDeepCheck check;
    private final Semaphore slots;
    private final long maxNanos;

    public DeepChecks(DetectorConfig config) {
        int threads = config.deep().threads() > 0 ? config.deep().threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.check = new SteghideDeepCheck(threads);
        this.slots = new Semaphore(Math.max(1, config.deep().concurrent()));
        this.maxNanos = config.deep().maxTime().toNanos();
    }

    /** Takes a deep-check slot if one is free right now. */
    public boolean tryAcquire() {
        return slots.tryAcquire();
    }

    public void release() {
        slots.release();
    }

    /** The fast result with the seed search's outcome; the caller holds a slot. */
    public ScanResult check(ScanResult fast, byte[] data, boolean extract) {
        long deadline = System.nanoTime() + maxNanos;
        ScanResult deep = check.check(fast, data, extract, done -> { }, () -> System.nanoTime() > deadline);
        LOG.debugf("deep check of %s: %s in %d ms", fast.requestId(), deep.verdict(),
                deep.latencyMs() - fast.latencyMs());
        return deep;
    }
}
