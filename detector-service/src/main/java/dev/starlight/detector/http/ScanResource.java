package dev.starlight.detector.http;

import dev.starlight.core.http.ErrorBody;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.detector.scan.DeepChecks;
import dev.starlight.detector.scan.ScanService;
import dev.starlight.detector.scan.ScanWorkers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The HTTP gateway's scan endpoints. The same {@link ScanService} as the Kafka path, so the same bytes give the
 * same {@code ScanResult}. The HTTP status follows the result: 200 for a verdict, 4xx with the error result for
 * bad input (see {@link ErrorStatus}), 429 when the work queue is full.
 */
@Path("/v1/scan")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {
    private final ScanService scans;
    private final ScanWorkers workers;
    private final DeepChecks deepChecks;

    public ScanResource(ScanService scans, ScanWorkers workers, DeepChecks deepChecks) {
        this.scans = scans;
        this.workers = workers;
        this.deepChecks = deepChecks;
    }

    /** The multipart form of {@code POST /v1/scan}, for the OpenAPI document. */
    @Schema(name = "ScanUpload")
    public record Upload(@Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "the image") String file) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Scan one image",
            description = "The image is the raw request body whatever its Content-Type (none, image/png, "
                    + "application/octet-stream, the form type curl --data-binary sends), or the field 'file' of a "
                    + "multipart/form-data body.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "raw", summary = "curl --data-binary @image.png "
                            + "http://localhost:8080/v1/scan", value = "(the image's bytes)")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Upload.class),
                    examples = @ExampleObject(name = "multipart", summary = "curl -F file=@image.png "
                            + "http://localhost:8080/v1/scan", value = "file=(the image's bytes)"))})
    @APIResponse(responseCode = "200", description = "A verdict: clean or stego",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanResult.class),
                    examples = @ExampleObject(name = "stego", value = OpenApiExamples.STEGO_RESULT)))
    @APIResponse(responseCode = "400", description = "MISSING_FILE: a multipart body without the field 'file'",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                    examples = @ExampleObject(name = "400", value = "{\"code\":\"MISSING_FILE\",\"message\":\"multipart field 'file' is required\"}")))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: with auth on, a missing or unknown X-API-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                    examples = @ExampleObject(name = "401", value = "{\"code\":\"UNAUTHORIZED\",\"message\":\"missing or unknown X-API-Key\"}")))
    @APIResponse(responseCode = "413", description = "TOO_LARGE: a body above quarkus.http.limits.max-body-size (code and message only: nothing ran) or an image above the size or pixel limits (the ScanResult follows); DECOMPRESSION_BOMB",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, ScanResult.class}),
                    examples = @ExampleObject(name = "413", value = OpenApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FORMAT: the bytes are no image format Starlight reads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, ScanResult.class}),
                    examples = @ExampleObject(name = "415", value = OpenApiExamples.UNSUPPORTED_FORMAT)))
    @APIResponse(responseCode = "422", description = "EMPTY_INPUT, TRUNCATED, MALFORMED, UNSUPPORTED_FEATURE: an image that cannot be read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, ScanResult.class}),
                    examples = @ExampleObject(name = "422", value = OpenApiExamples.TRUNCATED)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED (this key's limit), QUEUE_FULL (too many scans in progress) or DEEP_BUSY (deep=true while the deep checks are all taken); Retry-After says when",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                    examples = @ExampleObject(name = "429", value = "{\"code\":\"QUEUE_FULL\",\"message\":\"too many scans in progress; retry shortly\"}")))
    @APIResponse(responseCode = "500", description = "INTERNAL: a fault of the service; the ScanResult follows when the scan ran",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                    examples = @ExampleObject(name = "500", value = "{\"code\":\"INTERNAL\",\"message\":\"internal error; see the service log\"}")))
    @APIResponse(responseCode = "503", description = "TIMEOUT: the scan ran past its time limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {ErrorBody.class, ScanResult.class}),
                    examples = @ExampleObject(name = "503", value = OpenApiExamples.TIMEOUT)))
    public Response scanRaw(byte[] body,
                            @Parameter(description = "return the recovered message") @QueryParam("extract") @DefaultValue("true") boolean extract,
                            @Parameter(description = "for a JPEG, also search all 2^32 steghide seeds for steghide data (about a "
                                    + "minute; evidence steghide.seed)") @QueryParam("deep") @DefaultValue("false") boolean deep,
                            @HeaderParam("X-Request-Id") String requestId,
                            @HeaderParam("X-Source") String source) {
        return scanOne(new ScanRequest(requestIdOrNew(requestId), source, body), extract, deep);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true) // documented with scanRaw: one operation, two body kinds
    public Response scanMultipart(@RestForm("file") FileUpload file,
                                  @QueryParam("extract") @DefaultValue("true") boolean extract,
                                  @QueryParam("deep") @DefaultValue("false") boolean deep,
                                  @HeaderParam("X-Request-Id") String requestId) {
        if (file == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ErrorBody("MISSING_FILE", "multipart field 'file' is required")).build();
        }
        return scanOne(new ScanRequest(requestIdOrNew(requestId), file.fileName(), read(file)), extract, deep);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Scan many images (every multipart file field); one result each, in order")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Upload.class)))
    @APIResponse(responseCode = "200", description = "One ScanResult per file, errors included, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ScanResult.class)))
    @APIResponse(responseCode = "400", description = "MISSING_FILE: no file in the multipart body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Response scanBatch(@RestForm(FileUpload.ALL) List<FileUpload> files,
                              @QueryParam("extract") @DefaultValue("true") boolean extract) {
        if (files == null || files.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ErrorBody("MISSING_FILE", "no files in the multipart body")).build();
        }
        if (!workers.tryAcquireHttp()) {
            return ErrorStatus.queueFull();
        }
        try {
            List<CompletableFuture<ScanResult>> futures = new ArrayList<>();
            for (FileUpload f : files) {
                futures.add(scans.submit(new ScanRequest(UUID.randomUUID().toString(), f.fileName(), read(f)),
                        extract, "http"));
            }
            return Response.ok(futures.stream().map(CompletableFuture::join).toList()).build();
        } finally {
            workers.releaseHttp();
        }
    }

    private Response scanOne(ScanRequest request, boolean extract, boolean deep) {
        if (deep && !deepChecks.tryAcquire()) {
            return ErrorStatus.deepBusy();
        }
        try {
            if (!workers.tryAcquireHttp()) {
                return ErrorStatus.queueFull();
            }
            ScanResult fast;
            try {
                fast = scans.submit(request, extract, "http").join();
            } finally {
                workers.releaseHttp();
            }
            return ErrorStatus.of(deep ? deepChecks.check(fast, request.data(), extract) : fast);
        } finally {
            if (deep) {
                deepChecks.release();
            }
        }
    }

    static String requestIdOrNew(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    private static byte[] read(FileUpload f) {
        try {
            return Files.readAllBytes(f.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
