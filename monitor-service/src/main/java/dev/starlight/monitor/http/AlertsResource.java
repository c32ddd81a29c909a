package dev.starlight.monitor.http;

import dev.starlight.monitor.alert.Alert;
import dev.starlight.monitor.alert.AlertBook;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/monitoring/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "firing and resolved alerts, acknowledgement")
public class AlertsResource {
    private final AlertBook alerts;

    public AlertsResource(AlertBook alerts) {
        this.alerts = alerts;
    }

    /** {@code by}: who acknowledges; {@code note}: optional. */
    public record AckRequest(String by, String note) {
    }

    @GET
    @Operation(summary = "Alerts, oldest first; ?state=firing or ?state=resolved to filter")
    public List<Alert> list(@QueryParam("state") String state) {
        if (state == null || state.isBlank()) {
            return alerts.all();
        }
        return alerts.all().stream().filter(a -> a.state().name().equalsIgnoreCase(state)).toList();
    }

    @POST
    @Path("/{id: .+}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert (its id is rule:subject)")
    public Response acknowledge(@PathParam("id") String id, AckRequest request) {
        String by = request == null || request.by() == null || request.by().isBlank() ? "operator" : request.by();
        return alerts.acknowledge(id, by, request == null ? null : request.note(), System.currentTimeMillis())
                .map(a -> Response.ok(a).build())
                .orElseGet(() -> ErrorBody.of(Response.Status.NOT_FOUND, "UNKNOWN_ALERT", "no alert " + id));
    }
}
