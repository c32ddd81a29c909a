package dev.starlight.bench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One row per second of a run: requests acknowledged by the broker and answered so far, answers in that second,
 * their latency percentiles, and the detector's RSS. Written as CSV; {@link SoakChart} draws it.
 */
final class Timeline implements AutoCloseable {
    /** One sample. Latencies in ms, NaN when nothing was answered that second; RSS -1 while no detector runs. */
    record Row(double seconds, int produced, int answered, int answeredInSecond, double p50, double p95, double p99,
               double rssMiB) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<long[]> allLatencies = new ArrayList<>();
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    Timeline(IntSupplier produced, ResultTally tally, LocalPlatform platform) {
        this.thread = new Thread(() -> {
            int last = 0;
            while (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long[] latencies = tally.drainLatencies();
                Arrays.sort(latencies);
                int answered = tally.answered();
                Row row = new Row((System.nanoTime() - start) / 1e9, produced.getAsInt(), answered, answered - last,
                        percentileMs(latencies, 0.50), percentileMs(latencies, 0.95), percentileMs(latencies, 0.99),
                        platform.detectorAlive() ? platform.detectorRssMiB() : -1);
                last = answered;
                synchronized (rows) {
                    rows.add(row);
                    allLatencies.add(latencies);
                }
            }
        }, "timeline");
        thread.setDaemon(true);
        thread.start();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    List<Row> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    /** Every latency (ns) seen so far, sorted. */
    long[] latencies() {
        synchronized (rows) {
            long[] all = allLatencies.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seconds,produced,answered,answered_per_s,p50_ms,p95_ms,p99_ms,detector_rss_mib");
        for (Row r : rows()) {
            lines.add(String.format(Locale.ROOT, "%.1f,%d,%d,%d,%.1f,%.1f,%.1f,%.1f", r.seconds(), r.produced(),
                    r.answered(), r.answeredInSecond(), r.p50(), r.p95(), r.p99(), r.rssMiB()));
        }
        Files.write(file, lines);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
