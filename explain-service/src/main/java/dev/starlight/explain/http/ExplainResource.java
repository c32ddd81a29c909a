package dev.starlight.explain.http;

import dev.starlight.core.explain.Explanation;
import dev.starlight.core.http.ErrorBody;
import dev.starlight.explain.service.ExplainService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /v1/explain} (raw body or multipart field {@code file}), {@code GET /v1/explain/{id}} and
 * {@code GET /v1/explain/{id}/heatmap.png} for recent explanations, {@code GET /v1/explain/model}. The status
 * follows the explanation: 200, or the 4xx of its error code (415 unsupported format, 413 too large, 422 other bad
 * input).
 */
@Path("/v1/explain")
public class ExplainResource {
    private final ExplainService explanations;

    public ExplainResource(ExplainService explanations) {
        this.explanations = explanations;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain the verdict on one image sent as the raw request body")
    public Response explainRaw(byte[] body, @HeaderParam("X-Request-Id") String requestId) {
        return respond(explanations.explain("http", idOrNew(requestId), body));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain the verdict on one image sent as the multipart field 'file'")
    public Response explainMultipart(@RestForm("file") FileUpload file, @HeaderParam("X-Request-Id") String requestId) {
        if (file == null) {
            return Response.status(400).entity(new ErrorBody("MISSING_FILE", "multipart field 'file' is required"))
                    .build();
        }
        try {
            return respond(explanations.explain("http", idOrNew(requestId), Files.readAllBytes(file.uploadedFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/model")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The model explanations are made with (404 while the evidence explains alone)")
    public Response model() {
        return explanations.model().map(m -> Response.ok(Map.of("name", m.name(), "version", m.version(),
                "inputs", List.copyOf(m.inputs()))).build()).orElseGet(() -> notFound("NO_MODEL",
                "no model: explanations use the evidence alone"));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A recent explanation by request id")
    public Response get(@PathParam("id") String id) {
        return explanations.recent(id).map(e -> Response.ok(e).build()).orElseGet(() -> unknown(id));
    }

    @GET
    @Path("/{id}/heatmap.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "The saliency heatmap of a recent explanation, over the image")
    public Response heatmap(@PathParam("id") String id) {
        return explanations.heatmap(id).map(png -> Response.ok(png, "image/png").build())
                .orElseGet(() -> unknown(id));
    }

    private static Response respond(Explanation e) {
        if (e.error() == null) {
            return Response.ok(e).type(MediaType.APPLICATION_JSON).build();
        }
        return Response.status(ErrorBody.statusOf(e.error().code()))
                .entity(new ErrorBody(e.error().code(), e.error().message(), e)).type(MediaType.APPLICATION_JSON)
                .build();
    }

    private static Response unknown(String id) {
        return notFound("UNKNOWN_ID", "no recent explanation with a heatmap for id " + id);
    }

    private static Response notFound(String code, String message) {
        return Response.status(404).entity(new ErrorBody(code, message))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static String idOrNew(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }
}
