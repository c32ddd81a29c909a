package dev.starlight.monitor.alert;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelVerdict;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.drift.DriftCheck;
import dev.starlight.monitor.window.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alert rules: which conditions hold, given the 1 m window, the drift checks, the regression decisions and the
 * time of the latest result.
 * <ul>
 * <li>{@code error-rate} (critical): 1 m error rate above {@code alerts.error-rate} over at least
 * {@code alerts.error-rate-min-results} results</li>
 * <li>{@code latency-p95} (warning): 1 m p95 latency above {@code alerts.p95-latency-ms}</li>
 * <li>{@code drift} (warning): a model version's scores or stego rate moved on a format</li>
 * <li>{@code regression-rejected} (warning): the gate rejected a candidate (resolves on an operator approval)</li>
 * <li>{@code regression-incomparable} (info): a candidate could not be compared with its champion</li>
 * <li>{@code no-traffic} (critical): no result for {@code alerts.no-traffic-after} after some had arrived</li>
 * </ul>
 */
public record AlertRules(MonitorConfig.Alerts config) {

    public List<Condition> holding(WindowStats lastMinute, List<DriftCheck> drift, List<ModelDecision> decisions,
                                   long lastResultMs, long nowMs) {
        List<Condition> out = new ArrayList<>();
        if (lastMinute.count() >= config.errorRateMinResults() && lastMinute.errorRate() > config.errorRate()) {
            out.add(new Condition("error-rate", "1m", Severity.CRITICAL, String.format(Locale.ROOT,
                    "error rate %.1f%% over %d results in the last minute (limit %.1f%%)",
                    100 * lastMinute.errorRate(), lastMinute.count(), 100 * config.errorRate()),
                    lastMinute.errorRate(), config.errorRate()));
        }
        Double p95 = lastMinute.latencyP95Ms();
        if (p95 != null && p95 > config.p95LatencyMs()) {
            out.add(new Condition("latency-p95", "1m", Severity.WARNING, String.format(Locale.ROOT,
                    "p95 scan latency %.0f ms in the last minute (limit %.0f ms)", p95, config.p95LatencyMs()),
                    p95, config.p95LatencyMs()));
        }
        for (DriftCheck d : drift) {
            if (d.drifted()) {
                boolean psi = d.psi() > d.psiThreshold();
                out.add(new Condition("drift", d.model() + "/" + d.format(), Severity.WARNING,
                        "model " + d.model() + " on " + d.format() + ": " + d.reason(),
                        psi ? d.psi() : d.liveStegoRate(), psi ? d.psiThreshold() : d.rateThreshold()));
            }
        }
        for (ModelDecision d : decisions) {
            if (d.verdict() == ModelVerdict.REJECTED && !d.override()) {
                out.add(new Condition("regression-rejected", d.model() + "/" + d.version(), Severity.WARNING,
                        "candidate " + d.model() + " " + d.version() + " rejected against " + d.comparedWith() + ": "
                                + String.join("; ", d.brokenRules()), d.brokenRules().size(), 0));
            } else if (d.verdict() == ModelVerdict.INCOMPARABLE) {
                out.add(new Condition("regression-incomparable", d.model() + "/" + d.version(), Severity.INFO,
                        "candidate " + d.model() + " " + d.version() + " not compared: " + d.reason(), 0, 0));
            }
        }
        long quiet = config.noTrafficAfter().toMillis();
        if (lastResultMs >= 0 && nowMs - lastResultMs > quiet) {
            out.add(new Condition("no-traffic", "scan.results", Severity.CRITICAL, String.format(Locale.ROOT,
                    "no scan result for %d s (limit %d s)", (nowMs - lastResultMs) / 1000, quiet / 1000),
                    (nowMs - lastResultMs) / 1000.0, quiet / 1000.0));
        }
        return out;
    }
}
