package dev.starlight.monitor.http;

import dev.starlight.monitor.alert.Alert;
import dev.starlight.monitor.alert.AlertBook;
import dev.starlight.monitor.canary.CanaryStats;
import dev.starlight.monitor.canary.CanaryTally;
import dev.starlight.monitor.drift.DriftCheck;
import dev.starlight.monitor.drift.DriftMonitor;
import dev.starlight.monitor.regression.ModelDecisions;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.SeriesPoint;
import dev.starlight.monitor.window.Window;
import dev.starlight.monitor.window.WindowStats;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/monitoring/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "everything the dashboard page draws, in one answer")
public class DashboardResource {
    private final LiveStats stats;
    private final CanaryTally canaries;
    private final AlertBook alerts;
    private final DriftMonitor drift;
    private final ModelDecisions decisions;

    public DashboardResource(LiveStats stats, CanaryTally canaries, AlertBook alerts, DriftMonitor drift,
                             ModelDecisions decisions) {
        this.stats = stats;
        this.canaries = canaries;
        this.alerts = alerts;
        this.drift = drift;
        this.decisions = decisions;
    }

    /**
     * @param now        server time, epoch ms
     * @param results    results aggregated since start (replay included)
     * @param lastMinute the 1 m window
     * @param last15m    the 15 m window
     * @param series     the 1 m window per second
     * @param canary     canary FPR/TPR
     * @param alerts     firing alerts first, then the latest resolved ones (20 at most)
     * @param drift      drift checks
     * @param champions  model name → champion version
     */
    public record DashboardView(long now, long results, WindowStats lastMinute, WindowStats last15m,
                                List<SeriesPoint> series, CanaryStats canary, List<Alert> alerts,
                                List<DriftCheck> drift, Map<String, String> champions) {
    }

    @GET
    @Operation(summary = "The dashboard's data: windows, per-second series, canary, alerts, drift, champions")
    public DashboardView view() {
        long now = System.currentTimeMillis();
        List<Alert> shown = alerts.all().stream()
                .sorted(Comparator.comparing((Alert a) -> a.state() != Alert.State.FIRING)
                        .thenComparing(Comparator.comparingLong(Alert::firedAt).reversed()))
                .limit(20).toList();
        return new DashboardView(now, stats.results(), stats.stats(Window.M1, now), stats.stats(Window.M15, now),
                stats.series(Window.M1, now), canaries.stats(), shown, drift.checkAll(now), decisions.champions());
    }
}
