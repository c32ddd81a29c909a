package dev.starlight.detector.kafka;

import dev.starlight.core.scan.ScanResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes every result the HTTP gateway answers to {@code starlight.scan.results} (key = its request id, header
 * {@code starlight-path: http}), so the monitor sees one event stream whichever path a scan came by. Fire and
 * forget: the HTTP answer never waits for Kafka, and a result Kafka refuses is counted and logged, not retried.
 */
@ApplicationScoped
public class HttpResultPublisher {
    private static final Logger LOG = Logger.getLogger(HttpResultPublisher.class);

    private final ScanResultWriter writer;
    private final AtomicLong refused = new AtomicLong();

    public HttpResultPublisher(ScanResultWriter writer) {
        this.writer = writer;
    }

    public void publish(ScanResult result) {
        try {
            writer.httpResult(result).whenComplete((ok, e) -> {
                if (e != null) {
                    refused(result, e);
                }
            });
        } catch (RuntimeException e) { // the emitter's buffer is full
            refused(result, e);
        }
    }

    /** HTTP results Kafka did not take. */
    public long refused() {
        return refused.get();
    }

    private void refused(ScanResult result, Throwable e) {
        if (refused.getAndIncrement() % 1000 == 0) {
            LOG.warnf("HTTP result %s not published to the results topic (%s); the monitor will not count it",
                    result.requestId(), e.getMessage());
        }
    }
}
