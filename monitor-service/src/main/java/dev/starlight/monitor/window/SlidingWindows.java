package dev.starlight.monitor.window;

import dev.starlight.monitor.ingest.ScanOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The four windows of one stream of results (all traffic, or one model version). Not thread-safe. */
final class SlidingWindows {
    private final Map<Window, BucketRing> rings = new EnumMap<>(Window.class);

    SlidingWindows() {
        for (Window w : Window.values()) {
            rings.put(w, new BucketRing(w));
        }
    }

    void add(long timestampMs, long nowMs, ScanOutcome o) {
        for (BucketRing ring : rings.values()) {
            ring.add(timestampMs, nowMs, o);
        }
    }

    WindowStats stats(Window w, String model, long nowMs) {
        return WindowStats.of(w, model, rings.get(w).total(nowMs));
    }

    List<SeriesPoint> series(Window w, long nowMs) {
        return rings.get(w).series(nowMs);
    }
}
