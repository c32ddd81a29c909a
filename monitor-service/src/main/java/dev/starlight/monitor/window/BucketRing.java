package dev.starlight.monitor.window;

import dev.starlight.monitor.ingest.ScanOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One window as a ring of time buckets. An event goes to the bucket of its timestamp; a slot is reused (cleared)
 * when time moves a full turn past it, and events older than the window are dropped. Not thread-safe.
 */
final class BucketRing {
    private final Window window;
    private final Aggregate[] slots;
    private final long[] ids;

    BucketRing(Window window) {
        this.window = window;
        this.slots = new Aggregate[window.buckets()];
        this.ids = new long[window.buckets()];
        java.util.Arrays.fill(ids, Long.MIN_VALUE);
    }

    void add(long timestampMs, long nowMs, ScanOutcome o) {
        long nowId = nowMs / window.bucketMs();
        long id = Math.min(timestampMs / window.bucketMs(), nowId); // clocks ahead of ours count as now
        if (id <= nowId - slots.length) {
            return;
        }
        int i = (int) Math.floorMod(id, (long) slots.length);
        if (ids[i] != id) {
            if (slots[i] == null) {
                slots[i] = new Aggregate();
            } else {
                slots[i].clear();
            }
            ids[i] = id;
        }
        slots[i].add(o);
    }

    Aggregate total(long nowMs) {
        Aggregate sum = new Aggregate();
        long nowId = nowMs / window.bucketMs();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && ids[i] > nowId - slots.length && ids[i] <= nowId) {
                sum.merge(slots[i]);
            }
        }
        return sum;
    }

    /** One point per bucket, oldest first, empty buckets included. */
    List<SeriesPoint> series(long nowMs) {
        long nowId = nowMs / window.bucketMs();
        double seconds = window.bucketMs() / 1000.0;
        List<SeriesPoint> out = new ArrayList<>(slots.length);
        for (long id = nowId - slots.length + 1; id <= nowId; id++) {
            int i = (int) Math.floorMod(id, (long) slots.length);
            Aggregate a = slots[i] != null && ids[i] == id ? slots[i] : null;
            long t = id * window.bucketMs();
            if (a == null || a.count == 0) {
                out.add(new SeriesPoint(t, 0, 0, 0, 0, Double.NaN));
            } else {
                out.add(new SeriesPoint(t, a.count, a.count / seconds, a.errors, a.stego, a.latency.quantile(0.95)));
            }
        }
        return out;
    }
}
