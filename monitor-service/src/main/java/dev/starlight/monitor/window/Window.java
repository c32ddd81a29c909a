package dev.starlight.monitor.window;

import java.util.Arrays;
import java.util.Optional;

/** The sliding windows, each a ring of time buckets: memory is fixed by the bucket count, not by traffic. */
public enum Window {
    M1("1m", 60_000, 1_000),
    M15("15m", 900_000, 10_000),
    H1("1h", 3_600_000, 60_000),
    H24("24h", 86_400_000, 600_000);

    private final String label;
    private final long spanMs;
    private final long bucketMs;

    Window(String label, long spanMs, long bucketMs) {
        this.label = label;
        this.spanMs = spanMs;
        this.bucketMs = bucketMs;
    }

    public String label() {
        return label;
    }

    public long spanMs() {
        return spanMs;
    }

    public long bucketMs() {
        return bucketMs;
    }

    public int buckets() {
        return (int) (spanMs / bucketMs);
    }

    public static Optional<Window> parse(String text) {
        return Arrays.stream(values()).filter(w -> w.label.equals(text)).findFirst();
    }
}
