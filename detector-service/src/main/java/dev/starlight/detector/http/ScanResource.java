package dev.starlight.detector.http;

import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    public ScanResource(ScanService scans, ScanWorkers workers) {
        this.scans = scans;
        this.workers = workers;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Scan one image sent as the raw request body")
    public Response scanRaw(byte[] body,
                            @Parameter(description = "return the recovered message") @QueryParam("extract") @DefaultValue("true") boolean extract,
                            @HeaderParam("X-Request-Id") String requestId,
                            @HeaderParam("X-Source") String source) {
        return scanOne(new ScanRequest(requestIdOrNew(requestId), source, body), extract);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Scan one image sent as the multipart field 'file'")
    public Response scanMultipart(@RestForm("file") FileUpload file,
                                  @QueryParam("extract") @DefaultValue("true") boolean extract,
                                  @HeaderParam("X-Request-Id") String requestId) {
        if (file == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ErrorBody("MISSING_FILE", "multipart field 'file' is required")).build();
        }
        return scanOne(new ScanRequest(requestIdOrNew(requestId), file.fileName(), read(file)), extract);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Scan many images (every multipart file field); one result each, in order")
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

    private Response scanOne(ScanRequest request, boolean extract) {
        if (!workers.tryAcquireHttp()) {
            return ErrorStatus.queueFull();
        }
        try {
            ScanResult result = scans.submit(request, extract, "http").join();
            return Response.status(ErrorStatus.of(result)).entity(result).build();
        } finally {
            workers.releaseHttp();
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
