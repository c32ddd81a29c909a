package dev.starlight.trainer.service.runs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the run executor takes runs; says how many are running and waiting. */
@Readiness
@ApplicationScoped
public class ExecutorReadiness implements HealthCheck {
    private final RunQueue queue;

    public ExecutorReadiness(RunQueue queue) {
        this.queue = queue;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("training-executor").status(queue.alive())
                .withData("running", queue.count(RunStatus.RUNNING))
                .withData("queued", queue.count(RunStatus.QUEUED)).build();
    }
}
