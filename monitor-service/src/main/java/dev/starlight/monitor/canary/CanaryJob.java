package dev.starlight.monitor.canary;

import dev.starlight.core.events.Topics;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.Channels;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * When {@code starlight.monitor.canary.enabled}, produces a round of labelled canary images to
 * {@code starlight.scan.requests} every {@code canary.every}: key {@code canary-<label>-<run>-<n>}, headers
 * {@code starlight-canary: clean|stego} and {@code source: canary}. Detectors scan them like any request;
 * {@link CanaryTally} matches the results by request id.
 */
@ApplicationScoped
public class CanaryJob {
    private static final Logger LOG = Logger.getLogger(CanaryJob.class);

    private final MonitorConfig.Canary config;
    private final Emitter<byte[]> emitter;
    private final CanaryTally tally;
    private final MeterRegistry registry;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService timer;
    /** Canaries produced per label: the n of the next clean and stego canary. */
    private final long[] produced = new long[CanaryKey.Label.values().length];

    public CanaryJob(MonitorConfig config, @Channel(Channels.CANARY_REQUESTS) Emitter<byte[]> emitter,
                     CanaryTally tally, MeterRegistry registry) {
        this.config = config.canary();
        this.emitter = emitter;
        this.tally = tally;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "canary");
            t.setDaemon(true);
            return t;
        });
        long every = config.every().toMillis();
        timer.scheduleAtFixedRate(this::round, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("canary traffic on: %d images every %s", config.perRound(), config.every());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One round: half clean, half stego (clean first when odd). */
    void round() {
        try {
            for (int i = 0; i < config.perRound(); i++) {
                CanaryKey.Label label = i % 2 == 0 ? CanaryKey.Label.CLEAN : CanaryKey.Label.STEGO;
                long k = produced[label.ordinal()]++;
                byte[] image = label == CanaryKey.Label.CLEAN ? CanaryImages.clean(config.size(), k)
                        : CanaryImages.stego(config.size(), k);
                String id = CanaryKey.of(label, run, k);
                RecordHeaders headers = new RecordHeaders();
                headers.add(CanaryKey.HEADER, label.text().getBytes(StandardCharsets.UTF_8));
                headers.add(Topics.HEADER_SOURCE, "canary".getBytes(StandardCharsets.UTF_8));
                headers.add(Topics.HEADER_CONTENT_TYPE, "image/png".getBytes(StandardCharsets.UTF_8));
                tally.sent(id);
                emitter.send(Message.of(image).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(id).withHeaders(headers).build()));
                registry.counter("starlight.monitor.canary.sent", "label", label.text()).increment();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "canary round failed; next round as scheduled");
        }
    }
}
