package dev.starlight.detector.http;

import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.http.ErrorBody;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.detector.scan.ScanWorkers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code POST /v1/extract}: the messages in an image, by every method or by one forced method. */
@Path("/v1/extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {
    private final ScanWorkers workers;

    public ExtractResource(ScanWorkers workers) {
        this.workers = workers;
    }

    /** One recovered message, as JSON. */
    public record Found(String method, String bitOrder, boolean ai42, double confidence, int lengthBytes,
                        String text, String base64, String detail) {
        static Found of(Extraction e) {
            return new Found(e.method().label(), e.bitOrder() == null ? null : e.bitOrder().label(), e.ai42(),
                    e.confidence(), e.payload().length, e.text().orElse(null), e.base64(), e.detail());
        }
    }

    public record ExtractResponse(String method, List<Found> messages) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Extract hidden messages from the raw request body (any or no Content-Type)")
    @APIResponse(responseCode = "200", description = "The messages found, strongest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExtractResponse.class)))
    @APIResponse(responseCode = "400", description = "UNKNOWN_METHOD: no protocol method by that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "TOO_LARGE: above the body or image limits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FORMAT: not an image format Starlight reads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "TRUNCATED, MALFORMED, EMPTY_INPUT...: an image that cannot be read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: with auth on, a missing or unknown X-API-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: above this key's limit; Retry-After says when",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Response extract(byte[] body,
                            @Parameter(description = "alpha, palette, lsb.rgb, exif or raw; absent = auto (all methods, confident messages only)")
                            @QueryParam("method") String methodName) {
        Optional<Method> forced = Optional.empty();
        if (methodName != null && !methodName.isBlank() && !methodName.equals("auto")) {
            forced = Method.parse(methodName);
            if (forced.isEmpty()) {
                return Response.status(400).entity(new ErrorBody("UNKNOWN_METHOD", "no method named " + methodName)).build();
            }
        }
        if (!workers.tryAcquireHttp()) {
            return ErrorStatus.queueFull();
        }
        try {
            DecodedImage image = ImageCodecs.decode(body);
            List<Extraction> found = forced
                    .map(m -> Protocol.method(m).extract(body, image).stream().toList())
                    .orElseGet(() -> Protocol.messages(body, image));
            return Response.ok(new ExtractResponse(forced.map(Method::label).orElse("auto"),
                    found.stream().map(Found::of).toList())).build();
        } catch (StarlightException e) {
            return Response.status(ErrorBody.statusOf(e.code().name()))
                    .entity(new ErrorBody(e.code().name(), e.getMessage())).build();
        } finally {
            workers.releaseHttp();
        }
    }
}
