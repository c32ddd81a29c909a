package dev.starlight.trainer.service.http;

import dev.starlight.core.http.ErrorBody;
import dev.starlight.trainer.service.runs.ErrorCode;
import dev.starlight.trainer.service.runs.Run;
import dev.starlight.trainer.service.runs.RunException;
import dev.starlight.trainer.service.runs.RunQueue;
import dev.starlight.trainer.service.runs.RunRequest;
import dev.starlight.trainer.service.runs.RunStatus;
import dev.starlight.trainer.service.runs.RunView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v1/training/runs}: queue a run, follow it, read its model card. */
@Path(RunResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    static final String PATH = "/v1/training/runs";
    static final String MARKDOWN = "text/markdown";

    private final RunQueue queue;

    public RunResource(RunQueue queue) {
        this.queue = queue;
    }

    /** The answer to a queued run: its id and where to follow it. */
    public record Accepted(String id, RunStatus status, String statusUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a training run", description = "Runs execute one at a time, in order; a run "
            + "submitted while another runs is QUEUED. Unless publish is false, a made model goes to the models "
            + "topic and its evaluation to the metrics topic.")
    @APIResponse(responseCode = "202", description = "Queued; follow statusUrl",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "BAD_REQUEST, UNKNOWN_PRESET, UNKNOWN_STREAM or DATA_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response submit(RunRequest request) {
        RunView run = queue.submit(request);
        URI status = URI.create(PATH + "/" + run.id());
        return Response.accepted(new Accepted(run.id(), run.status(), status.toString())).location(status).build();
    }

    @GET
    @Operation(summary = "Every run this instance knows, newest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RunView.class)))
    @APIResponse(responseCode = "500", description = "INTERNAL: a fault of the service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErrorBody.class)))
    public List<RunView> list() {
        return queue.all().stream().map(Run::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run: status, latest progress, config, times; its model and figures once made, "
            + "its error if it failed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "RUN_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RunView get(@PathParam("id") String id) {
        return run(id).view();
    }

    @GET
    @Path("{id}/card")
    @Produces(MARKDOWN)
    @Operation(summary = "The MODEL_CARD.md the run wrote")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MARKDOWN,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "RUN_NOT_FOUND, or CARD_NOT_FOUND before the run made a model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErrorBody.class)))
    public Response card(@PathParam("id") String id) {
        Run run = run(id);
        java.nio.file.Path card = run.cardFile().filter(Files::isRegularFile).orElseThrow(() -> new RunException(
                ErrorCode.CARD_NOT_FOUND, "run " + id + " has no model card (status " + run.status() + ")"));
        try {
            return Response.ok(Files.readString(card), MARKDOWN + "; charset=UTF-8").build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + card, e);
        }
    }

    private Run run(String id) {
        return queue.find(id).orElseThrow(() -> new RunException(ErrorCode.RUN_NOT_FOUND, "no run " + id));
    }
}
