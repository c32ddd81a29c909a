package dev.starlight.monitor.http;

import dev.starlight.monitor.canary.CanaryJob;
import dev.starlight.monitor.canary.CanaryRate;
import dev.starlight.monitor.canary.CanaryStats;
import dev.starlight.monitor.canary.CanaryTally;
import dev.starlight.monitor.drift.DriftCheck;
import dev.starlight.monitor.drift.DriftMonitor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "quality", description = "drift against the reference and live FPR/TPR on canary traffic")
public class DriftResource {
    private final DriftMonitor drift;
    private final CanaryTally canaries;
    private final CanaryJob job;

    public DriftResource(DriftMonitor drift, CanaryTally canaries, CanaryJob job) {
        this.drift = drift;
        this.canaries = canaries;
        this.job = job;
    }

    @GET
    @Path("/drift")
    @Operation(summary = "The drift check of every model version and format, now")
    public List<DriftCheck> drift() {
        return drift.checkAll(System.currentTimeMillis());
    }

    @GET
    @Path("/canary")
    @Operation(summary = "Canary traffic: sent, matched, live FPR and TPR")
    public CanaryStats canary() {
        return canaries.stats();
    }

    @GET
    @Path("/canary/rate")
    @Operation(summary = "Canary rate: share of the detectors' capacity (configured or measured), floor, ceiling, "
            + "images per second now")
    public CanaryRate.Plan canaryRate() {
        return job.plan(System.currentTimeMillis());
    }
}
