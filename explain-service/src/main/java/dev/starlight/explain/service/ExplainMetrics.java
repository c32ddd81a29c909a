package dev.starlight.explain.service;

import dev.starlight.core.explain.Explanation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The explainer's Prometheus metrics: {@code starlight_explain_seconds} (time per explanation, by path and outcome)
 * and {@code starlight_explain_errors_total} (explanations answered with an error, by path and error code).
 */
@ApplicationScoped
public class ExplainMetrics {
    private final MeterRegistry registry;

    public ExplainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void explained(String path, Explanation explanation, long nanos) {
        String outcome = explanation.error() == null ? "ok" : "error";
        Timer.builder("starlight_explain").description("Time to explain one image (scan, evidence, model, saliency)")
                .tag("path", path).tag("outcome", outcome).publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(nanos));
        if (explanation.error() != null) {
            registry.counter("starlight_explain_errors", "path", path, "code", explanation.error().code()).increment();
        }
    }
}
