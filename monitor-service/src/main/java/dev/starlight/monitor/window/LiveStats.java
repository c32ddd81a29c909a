package dev.starlight.monitor.window;

import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.ScanOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window aggregates of scan results: one set for all traffic and one per model version (the most recently
 * seen {@code starlight.monitor.max-models} versions). Writers are the results consumer; readers are REST, metrics and
 * alert rules; one lock keeps them consistent.
 */
@ApplicationScoped
public class LiveStats {
    private final SlidingWindows all = new SlidingWindows();
    private final Map<String, SlidingWindows> byModel;
    private long lastResultMs = -1;
    private long results;

    @Inject
    public LiveStats(MonitorConfig config) {
        this(config.maxModels());
    }

    public LiveStats(int maxModels) {
        this.byModel = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SlidingWindows> eldest) {
                return size() > maxModels;
            }
        };
    }

    public synchronized void record(ScanOutcome o, long timestampMs, long nowMs) {
        all.add(timestampMs, nowMs, o);
        String model = o.modelVersion() == null ? "unknown" : o.modelVersion();
        byModel.computeIfAbsent(model, m -> new SlidingWindows()).add(timestampMs, nowMs, o);
        lastResultMs = Math.max(lastResultMs, Math.min(timestampMs, nowMs));
        results++;
    }

    public synchronized WindowStats stats(Window w, long nowMs) {
        return all.stats(w, null, nowMs);
    }

    /** Empty when the version has not been seen (or was dropped as the least recently seen). */
    public synchronized Optional<WindowStats> stats(Window w, String model, long nowMs) {
        SlidingWindows s = byModel.get(model);
        return s == null ? Optional.empty() : Optional.of(s.stats(w, model, nowMs));
    }

    public synchronized List<SeriesPoint> series(Window w, long nowMs) {
        return all.series(w, nowMs);
    }

    public synchronized List<String> models() {
        return new ArrayList<>(byModel.keySet());
    }

    /** Timestamp of the newest result, or -1 before the first. */
    public synchronized long lastResultMs() {
        return lastResultMs;
    }

    public synchronized long results() {
        return results;
    }
}
