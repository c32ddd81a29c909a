package dev.starlight.detector.http;

import dev.starlight.core.http.ErrorBody;
import dev.starlight.detector.model.ModelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /v1/models}: what decides verdicts right now. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final ModelRegistry models;

    public ModelResource(ModelRegistry models) {
        this.models = models;
    }

    /** The serving model and its card (empty while the core rules decide alone). */
    public record ModelInfo(String name, String version, boolean rulesOnly, String description,
                            java.util.Map<String, String> card) {
    }

    @GET
    @Operation(summary = "The serving model (or the core rules when no model is loaded)")
    @APIResponse(responseCode = "200", description = "The serving model and its card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelInfo.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: with auth on, a missing or unknown X-API-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: above this key's limit; Retry-After says when",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public ModelInfo current() {
        boolean rulesOnly = models.rulesOnly();
        return new ModelInfo(models.name(), models.version(), rulesOnly, rulesOnly
                ? "no trained model loaded: verdicts come from starlight-core's protocol extractors and rules"
                : "ONNX model served by ONNX Runtime beside the core's extractors", models.card());
    }
}
