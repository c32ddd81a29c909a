package dev.starlight.monitor.alert;

import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.drift.DriftCheck;
import dev.starlight.monitor.drift.DriftMonitor;
import dev.starlight.monitor.ingest.HistoryReplay;
import dev.starlight.monitor.metrics.MonitorMetrics;
import dev.starlight.monitor.regression.ModelDecisions;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.Window;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code evaluate-every}: checks drift, applies the alert rules and refreshes the Prometheus gauges. The rules
 * are applied only once {@link HistoryReplay} says the history replayed at start-up has been read: before that the
 * windows describe the past, and a restart would page someone for {@code no-traffic}.
 */
@ApplicationScoped
public class AlertScheduler {
    private static final Logger LOG = Logger.getLogger(AlertScheduler.class);

    private final MonitorConfig config;
    private final LiveStats stats;
    private final DriftMonitor drift;
    private final ModelDecisions decisions;
    private final AlertBook alerts;
    private final MonitorMetrics metrics;
    private final AlertRules rules;
    private final HistoryReplay replay;
    private ScheduledExecutorService timer;

    public AlertScheduler(MonitorConfig config, LiveStats stats, DriftMonitor drift, ModelDecisions decisions,
                          AlertBook alerts, MonitorMetrics metrics, HistoryReplay replay) {
        this.replay = replay;
        this.config = config;
        this.stats = stats;
        this.drift = drift;
        this.decisions = decisions;
        this.alerts = alerts;
        this.metrics = metrics;
        this.rules = new AlertRules(config.alerts());
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "monitor-evaluate");
            t.setDaemon(true);
            return t;
        });
        long every = config.evaluateEvery().toMillis();
        timer.scheduleWithFixedDelay(this::evaluate, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    public void evaluate() {
        try {
            long now = System.currentTimeMillis();
            List<DriftCheck> checks = drift.checkAll(now);
            if (replay.caughtUp()) {
                alerts.apply(rules.holding(stats.stats(Window.M1, now), checks, decisions.all(), stats.lastResultMs(),
                        now), now);
            }
            metrics.refresh(now, checks);
        } catch (RuntimeException e) {
            LOG.errorf(e, "evaluation failed; next one as scheduled");
        }
    }
}
