package dev.starlight.monitor.http;

import dev.starlight.monitor.ingest.IngestCounters;
import dev.starlight.monitor.window.DetectorReports;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.SeriesPoint;
import dev.starlight.monitor.window.Window;
import dev.starlight.monitor.window.WindowStats;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "live aggregates over sliding windows")
public class StatsResource {
    private final LiveStats stats;
    private final IngestCounters counters;
    private final DetectorReports detectors;

    public StatsResource(LiveStats stats, IngestCounters counters, DetectorReports detectors) {
        this.stats = stats;
        this.counters = counters;
        this.detectors = detectors;
    }

    @GET
    @Path("/stats")
    @Operation(summary = "All four windows (1m, 15m, 1h, 24h) of all traffic")
    public List<WindowStats> all() {
        long now = System.currentTimeMillis();
        return Arrays.stream(Window.values()).map(w -> stats.stats(w, now)).toList();
    }

    @GET
    @Path("/stats/{window}")
    @Operation(summary = "One window, of all traffic or (with ?model=) of one model version")
    public Response window(@PathParam("window") String window, @QueryParam("model") String model) {
        var w = Window.parse(window);
        if (w.isEmpty()) {
            return ErrorBody.of(Response.Status.BAD_REQUEST, "UNKNOWN_WINDOW", "window must be 1m, 15m, 1h or 24h");
        }
        long now = System.currentTimeMillis();
        if (model == null || model.isBlank()) {
            return Response.ok(stats.stats(w.get(), now)).build();
        }
        return stats.stats(w.get(), model, now).map(s -> Response.ok(s).build())
                .orElseGet(() -> ErrorBody.of(Response.Status.NOT_FOUND, "UNKNOWN_MODEL",
                        "no results of model version " + model + " are held"));
    }

    @GET
    @Path("/series/{window}")
    @Operation(summary = "One point per bucket of a window (1m: seconds, 15m: 10 s, 1h: minutes, 24h: 10 min)")
    public Response series(@PathParam("window") String window) {
        var w = Window.parse(window);
        if (w.isEmpty()) {
            return ErrorBody.of(Response.Status.BAD_REQUEST, "UNKNOWN_WINDOW", "window must be 1m, 15m, 1h or 24h");
        }
        List<SeriesPoint> points = stats.series(w.get(), System.currentTimeMillis());
        return Response.ok(points).build();
    }

    @GET
    @Path("/stats/models")
    @Operation(summary = "Model versions with results held, least recently seen first")
    public List<String> models() {
        return stats.models();
    }

    @GET
    @Path("/ingest")
    @Operation(summary = "Records read per topic and kind, garbage and unknown types included")
    public Map<String, Map<String, Long>> ingest() {
        return counters.snapshot();
    }

    @GET
    @Path("/detectors")
    @Operation(summary = "Detector instances as their scan-batch events describe them")
    public List<DetectorReports.Instance> detectors() {
        return detectors.all();
    }
}
