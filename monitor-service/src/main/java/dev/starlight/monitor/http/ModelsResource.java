package dev.starlight.monitor.http;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.monitor.baseline.Evaluations;
import dev.starlight.monitor.baseline.ModelCatalog;
import dev.starlight.monitor.drift.DriftMonitor;
import dev.starlight.monitor.drift.ReferenceSummary;
import dev.starlight.monitor.regression.ModelDecisions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "baselines, regression verdicts, champions and operator overrides")
public class ModelsResource {
    private final Evaluations evaluations;
    private final ModelDecisions decisions;
    private final DriftMonitor drift;
    private final ModelCatalog catalog;

    public ModelsResource(Evaluations evaluations, ModelDecisions decisions, DriftMonitor drift,
                          ModelCatalog catalog) {
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.drift = drift;
        this.catalog = catalog;
    }

    /**
     * A model version's baseline: the trainer's evaluation and the reference distribution of its live scores.
     *
     * @param model      model name
     * @param version    model version
     * @param champion   whether it is its name's champion now
     * @param evaluation the evaluation event (FPR per format, TPR per group, AUC, p95 latency, data checksum)
     * @param decision   the gate's latest decision on it
     * @param reference  per format: the reference of its live scores and the learned drift thresholds
     */
    public record Baseline(String model, String version, boolean champion, ModelEvaluationEvent evaluation,
                           ModelDecision decision, Map<String, ReferenceSummary> reference) {
    }

    /** {@code action}: approve or reject; {@code reason}: why, kept in the decision. */
    public record OverrideRequest(String action, String reason) {
    }

    @GET
    @Path("/baselines")
    @Operation(summary = "Baselines of every evaluated model version")
    public List<Baseline> baselines() {
        return evaluations.all().stream().map(this::baseline).toList();
    }

    @GET
    @Path("/baselines/{name}/{version}")
    @Operation(summary = "The baseline of one model version")
    public Response baseline(@PathParam("name") String name, @PathParam("version") String version) {
        return evaluations.get(name, version).map(e -> Response.ok(baseline(e)).build())
                .orElseGet(() -> ErrorBody.of(Response.Status.NOT_FOUND, "UNKNOWN_MODEL",
                        "no evaluation of " + name + " " + version));
    }

    @GET
    @Path("/regressions")
    @Operation(summary = "Every regression decision (the latest per version)")
    public List<ModelDecision> regressions() {
        return decisions.all();
    }

    @GET
    @Path("/regressions/{name}")
    @Operation(summary = "The decisions on one model name")
    public List<ModelDecision> regressions(@PathParam("name") String name) {
        return decisions.forName(name);
    }

    @GET
    @Path("/models")
    @Operation(summary = "Published models (from the envelopes) and the champion of each name")
    public Map<String, Object> models() {
        return Map.of("published", catalog.all(), "champions", decisions.champions());
    }

    @POST
    @Path("/models/{name}/{version}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator override: approve (becomes champion) or reject (leaves the champion chain) any "
            + "version published on the models topic, evaluated or not")
    public Response override(@PathParam("name") String name, @PathParam("version") String version,
                             OverrideRequest request) {
        if (request == null || request.action() == null
                || !(request.action().equals("approve") || request.action().equals("reject"))) {
            return ErrorBody.of(Response.Status.BAD_REQUEST, "BAD_ACTION", "action must be approve or reject");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            return ErrorBody.of(Response.Status.BAD_REQUEST, "NO_REASON", "an override needs a reason");
        }
        return decisions.override(name, version, request.action().equals("approve"), request.reason(),
                        System.currentTimeMillis())
                .map(d -> Response.ok(d).build())
                .orElseGet(() -> ErrorBody.of(Response.Status.NOT_FOUND, "UNKNOWN_MODEL",
                        name + " " + version + " was never published on the models topic, evaluated nor decided"));
    }

    private Baseline baseline(ModelEvaluationEvent e) {
        ModelDecision decision = decisions.forName(e.model()).stream()
                .filter(d -> d.version().equals(e.version())).findFirst().orElse(null);
        return new Baseline(e.model(), e.version(), e.version().equals(decisions.champion(e.model())), e, decision,
                drift.references(e.version()));
    }
}
