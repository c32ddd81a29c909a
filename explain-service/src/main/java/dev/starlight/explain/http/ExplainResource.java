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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** The multipart form of {@code POST /v1/explain}, for the OpenAPI document. */
    @Schema(name = "ExplainUpload")
    public record Upload(@Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "the image") String file) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain the verdict on one image",
            description = "The image is the raw request body whatever its Content-Type (none, image/png, "
                    + "application/octet-stream, the form type curl --data-binary sends), or the field 'file' of a "
                    + "multipart/form-data body.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "raw", summary = "curl --data-binary @image.png "
                            + "http://localhost:8083/v1/explain", value = "(the image's bytes)")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Upload.class),
                    examples = @ExampleObject(name = "multipart", summary = "curl -F file=@image.png "
                            + "http://localhost:8083/v1/explain", value = "file=(the image's bytes)"))})
    @APIResponse(responseCode = "200", description = "The explanation: summary, verdict, evidence, saliency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "400", description = "MISSING_FILE: a multipart body without the field 'file'",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "TOO_LARGE: a body above quarkus.http.limits.max-body-size (code and message only) or an image above the size or pixel limits (the Explanation follows); DECOMPRESSION_BOMB",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, Explanation.class})))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FORMAT: the bytes are no image format Starlight reads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, Explanation.class})))
    @APIResponse(responseCode = "422", description = "EMPTY_INPUT, TRUNCATED, MALFORMED, UNSUPPORTED_FEATURE: an image that cannot be read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, Explanation.class})))
    @APIResponse(responseCode = "500", description = "INTERNAL: a fault of the service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Response explainRaw(byte[] body, @HeaderParam("X-Request-Id") String requestId) {
        return respond(explanations.explain("http", idOrNew(requestId), body));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // documented with explainRaw: one operation, two body kinds
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

    /** The model explanations are made with. */
    public record ModelInfo(String name, String version, List<String> inputs) {
    }

    @GET
    @Path("/model")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The model explanations are made with (404 while the evidence explains alone)")
    @APIResponse(responseCode = "200", description = "name, version and inputs of the model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelInfo.class)))
    @APIResponse(responseCode = "404", description = "NO_MODEL: explanations use the evidence alone",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Response model() {
        return explanations.model().map(m -> Response.ok(new ModelInfo(m.name(), m.version(),
                List.copyOf(m.inputs()))).build()).orElseGet(() -> notFound("NO_MODEL",
                "no model: explanations use the evidence alone"));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A recent explanation by request id")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "404", description = "UNKNOWN_ID: no recent explanation with that id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Response get(@PathParam("id") String id) {
        return explanations.recent(id).map(e -> Response.ok(e).build()).orElseGet(() -> unknown(id));
    }

    @GET
    @Path("/{id}/heatmap.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "The saliency heatmap of a recent explanation, over the image")
    @APIResponse(responseCode = "200", description = "The heatmap",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "UNKNOWN_ID: no recent explanation with that id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
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
