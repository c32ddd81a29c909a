package dev.starlight.detector.model;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when something serves verdicts: a loaded model, or the core rules when none was ever published. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {
    private final ModelRegistry models;

    public ModelReadiness(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model").up()
                .withData("name", models.name()).withData("version", models.version())
                .withData("rulesOnly", models.rulesOnly()).build();
    }
}
