package dev.starlight.monitor.metrics;

import dev.starlight.monitor.alert.Alert;
import dev.starlight.monitor.alert.AlertBook;
import dev.starlight.monitor.canary.CanaryStats;
import dev.starlight.monitor.canary.CanaryTally;
import dev.starlight.monitor.drift.DriftCheck;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.Window;
import dev.starlight.monitor.window.WindowStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus gauges Grafana reads, refreshed at each evaluation from the windows, drift checks, alerts and
 * canary tally (names as Prometheus shows them; see the README for the full list):
 * {@code starlight_monitor_throughput{window}}, {@code starlight_monitor_error_rate{window}},
 * {@code starlight_monitor_latency_p50|p95|p99_seconds{window}}, {@code starlight_monitor_stego_rate{window,method}},
 * {@code starlight_monitor_stego_rate_by_format{window,format}}, {@code starlight_monitor_drift_psi{model,format}},
 * {@code starlight_monitor_drift_psi_threshold{model,format}}, {@code starlight_monitor_alerts_firing{rule}},
 * {@code starlight_monitor_fpr_canary}, {@code starlight_monitor_tpr_canary}.
 */
@ApplicationScoped
public class MonitorMetrics {
    private static final List<String> RULES = List.of("error-rate", "latency-p95", "drift", "regression-rejected",
            "regression-incomparable", "no-traffic");

    private final LiveStats stats;
    private final AlertBook alerts;
    private final CanaryTally canaries;
    private final MultiGauge throughput;
    private final MultiGauge errorRate;
    private final MultiGauge p50;
    private final MultiGauge p95;
    private final MultiGauge p99;
    private final MultiGauge stegoRate;
    private final MultiGauge stegoRateByFormat;
    private final MultiGauge psi;
    private final MultiGauge psiThreshold;
    private final MultiGauge alertsFiring;
    private volatile CanaryStats canary;

    public MonitorMetrics(MeterRegistry registry, LiveStats stats, AlertBook alerts, CanaryTally canaries) {
        this.stats = stats;
        this.alerts = alerts;
        this.canaries = canaries;
        throughput = gauge(registry, "starlight.monitor.throughput", "scan results per second over the window");
        errorRate = gauge(registry, "starlight.monitor.error.rate", "share of error results in the window");
        p50 = gauge(registry, "starlight.monitor.latency.p50.seconds", "median scan latency in the window");
        p95 = gauge(registry, "starlight.monitor.latency.p95.seconds", "95th percentile scan latency in the window");
        p99 = gauge(registry, "starlight.monitor.latency.p99.seconds", "99th percentile scan latency in the window");
        stegoRate = gauge(registry, "starlight.monitor.stego.rate",
                "share of results judged stego, per method (method=any: all methods)");
        stegoRateByFormat = gauge(registry, "starlight.monitor.stego.rate.by.format",
                "share of results judged stego, per format");
        psi = gauge(registry, "starlight.monitor.drift.psi", "PSI of the latest live scores against the reference");
        psiThreshold = gauge(registry, "starlight.monitor.drift.psi.threshold",
                "PSI threshold learned from reference chunks");
        alertsFiring = gauge(registry, "starlight.monitor.alerts.firing", "alerts firing, per rule");
        Gauge.builder("starlight.monitor.fpr.canary", this, m -> orNaN(m.canary == null ? null : m.canary.fpr()))
                .description("clean canaries judged stego / clean canaries judged").register(registry);
        Gauge.builder("starlight.monitor.tpr.canary", this, m -> orNaN(m.canary == null ? null : m.canary.tpr()))
                .description("stego canaries judged stego / stego canaries judged").register(registry);
    }

    public void refresh(long nowMs, List<DriftCheck> checks) {
        List<MultiGauge.Row<?>> tp = new ArrayList<>();
        List<MultiGauge.Row<?>> er = new ArrayList<>();
        List<MultiGauge.Row<?>> l50 = new ArrayList<>();
        List<MultiGauge.Row<?>> l95 = new ArrayList<>();
        List<MultiGauge.Row<?>> l99 = new ArrayList<>();
        List<MultiGauge.Row<?>> sr = new ArrayList<>();
        List<MultiGauge.Row<?>> sf = new ArrayList<>();
        for (Window w : Window.values()) {
            WindowStats s = stats.stats(w, nowMs);
            Tags tags = Tags.of("window", w.label());
            tp.add(MultiGauge.Row.of(tags, s.throughputPerSecond()));
            er.add(MultiGauge.Row.of(tags, s.errorRate()));
            l50.add(MultiGauge.Row.of(tags, seconds(s.latencyP50Ms())));
            l95.add(MultiGauge.Row.of(tags, seconds(s.latencyP95Ms())));
            l99.add(MultiGauge.Row.of(tags, seconds(s.latencyP99Ms())));
            sr.add(MultiGauge.Row.of(tags.and("method", "any"), s.stegoRate()));
            s.stegoRateByMethod().forEach((m, r) -> sr.add(MultiGauge.Row.of(tags.and("method", m), r)));
            s.byFormat().forEach((f, fs) -> sf.add(MultiGauge.Row.of(tags.and("format", f), fs.stegoRate())));
        }
        throughput.register(tp, true);
        errorRate.register(er, true);
        p50.register(l50, true);
        p95.register(l95, true);
        p99.register(l99, true);
        stegoRate.register(sr, true);
        stegoRateByFormat.register(sf, true);
        List<MultiGauge.Row<?>> ps = new ArrayList<>();
        List<MultiGauge.Row<?>> pt = new ArrayList<>();
        for (DriftCheck d : checks) {
            Tags tags = Tags.of("model", d.model(), "format", d.format());
            if (d.psi() != null) {
                ps.add(MultiGauge.Row.of(tags, d.psi()));
            }
            if (d.psiThreshold() != null) {
                pt.add(MultiGauge.Row.of(tags, d.psiThreshold()));
            }
        }
        psi.register(ps, true);
        psiThreshold.register(pt, true);
        Map<String, Integer> firing = new HashMap<>();
        RULES.forEach(r -> firing.put(r, 0));
        alerts.forEach(a -> {
            if (a.state() == Alert.State.FIRING) {
                firing.merge(a.rule(), 1, Integer::sum);
            }
        });
        List<MultiGauge.Row<?>> af = new ArrayList<>();
        firing.forEach((rule, n) -> af.add(MultiGauge.Row.of(Tags.of("rule", rule), n)));
        alertsFiring.register(af, true);
        canary = canaries.stats();
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static double seconds(Double ms) {
        return ms == null ? Double.NaN : ms / 1000.0;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
