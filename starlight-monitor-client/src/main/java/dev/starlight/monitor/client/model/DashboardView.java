package dev.starlight.monitor.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The monitor dashboard's data in one answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardView(long now, long results, WindowStats lastMinute, WindowStats last15m,
                            List<SeriesPoint> series, CanaryStats canary, List<Alert> alerts, List<DriftCheck> drift,
                            Map<String, String> champions) {
}
