package dev.starlight.detector.scan;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.Scanner;
import dev.starlight.detector.config.DetectorConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Warms the scan path at start-up: scans {@code starlight.detector.warm-up-scans} drawn images (PNG, GIF, JPEG,
 * 256×256) with a scanner of its own, so no metric, cache entry or result comes of it, and reports not ready until
 * it is done.
 */
@Readiness
@ApplicationScoped
public class ScannerWarmUp implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ScannerWarmUp.class);
    private static final ImageFormat[] FORMATS = {ImageFormat.PNG, ImageFormat.GIF, ImageFormat.JPEG};

    private final int scans;
    private volatile boolean done;

    public ScannerWarmUp(DetectorConfig config) {
        this.scans = config.warmUpScans();
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        byte[][] images = new byte[FORMATS.length][];
        for (int i = 0; i < FORMATS.length; i++) {
            images[i] = SyntheticCovers.encoded(FORMATS[i], 256, i);
        }
        Scanner scanner = new Scanner();
        for (int i = 0; i < scans; i++) {
            scanner.scan(images[i % images.length]);
        }
        done = true;
        LOG.infof("scan path warmed up with %d scans in %d ms", scans, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done).withData("scans", scans).build();
    }
}
