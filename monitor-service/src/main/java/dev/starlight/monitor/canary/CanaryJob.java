package dev.starlight.monitor.canary;

import dev.starlight.core.events.Topics;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.Channels;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.SeriesPoint;
import dev.starlight.monitor.window.Window;
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
 * When {@code starlight.monitor.canary.enabled}, produces labelled canary images to {@code starlight.scan.requests}
 * at the rate {@link CanaryRate} sets ({@code canary.share} of the detectors' capacity, default 2 %, within a floor
 * and a ceiling), woken every {@code canary.every} and sending what {@link CanaryPacer} says is due, clean and stego
 * in turn: key {@code canary-<label>-<run>-<n>}, headers {@code starlight-canary: clean|stego} and
 * {@code source: canary}. Detectors scan them like any request; {@link CanaryTally} matches the results by request id.
 */
@ApplicationScoped
public class CanaryJob {
    private static final Logger LOG = Logger.getLogger(CanaryJob.class);

    private final MonitorConfig.Canary config;
    private final CanaryRate rate;
    private final CanaryPacer pacer = new CanaryPacer();
    private final LiveStats stats;
    private volatile CanaryRate.Plan plan;
    private long lastTickMs;
    private long total;
    private final Emitter<byte[]> emitter;
    private final CanaryTally tally;
    private final MeterRegistry registry;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService timer;
    /** Canaries produced per label: the n of the next clean and stego canary. */
    private final long[] produced = new long[CanaryKey.Label.values().length];

    public CanaryJob(MonitorConfig config, @Channel(Channels.CANARY_REQUESTS) Emitter<byte[]> emitter,
                     CanaryTally tally, MeterRegistry registry, LiveStats stats) {
        this.config = config.canary();
        this.rate = new CanaryRate(this.config.share(), this.config.capacity().orElse(null),
                this.config.minPerMinute(), this.config.maxPerSecond());
        this.stats = stats;
        this.plan = rate.plan(0);
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
        lastTickMs = System.currentTimeMillis();
        timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        CanaryRate.Plan p = plan(lastTickMs);
        LOG.infof("canary traffic on: %.3f images/s (%.1f%% of %s capacity %.1f/s, floor %.0f/min, ceiling %.1f/s)",
                p.perSecond(), 100 * p.share(), p.capacitySource(), p.capacityPerSecond(), p.minPerMinute(),
                p.maxPerSecond());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The rate now: the configured capacity, or the peak 10 s rate of live results over the last 15 minutes. */
    public CanaryRate.Plan plan(long nowMs) {
        double peak = 0;
        for (SeriesPoint p : stats.series(Window.M15, nowMs)) {
            peak = Math.max(peak, p.perSecond());
        }
        plan = rate.plan(peak);
        return plan;
    }

    /** The latest plan (before the job's first tick: from no measurement). */
    public CanaryRate.Plan currentPlan() {
        return plan;
    }

    void tick() {
        long now = System.currentTimeMillis();
        int due = pacer.due(plan(now).perSecond(), now - lastTickMs);
        lastTickMs = now;
        send(due);
    }

    /** {@code n} canaries, clean and stego in turn across calls. */
    void send(int n) {
        try {
            for (int i = 0; i < n; i++) {
                CanaryKey.Label label = total++ % 2 == 0 ? CanaryKey.Label.CLEAN : CanaryKey.Label.STEGO;
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
            LOG.errorf(e, "canary send failed; next tick as scheduled");
        }
    }
}
