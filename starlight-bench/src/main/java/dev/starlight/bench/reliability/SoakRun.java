package dev.starlight.bench.reliability;

import dev.starlight.core.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The soak of issue 10: measures the detector's capacity through Kafka with a burst, then sends requests at a
 * fraction of it (80 % by default) for ten minutes and records throughput, latency and the detector's RSS every
 * second ({@code timeline.csv}, drawn as a PNG by {@link SoakChart}).
 *
 * <pre>
 * bin/reliability soak [--minutes 10] [--fraction 0.8] [--burst 6000] [--out target/reliability/soak] [--png docs/soak.png]
 * </pre>
 */
@Command(name = "soak", sortOptions = false,
        description = "The soak: measures the detector's capacity through Kafka, then sends requests at a fraction of it"
                + " and records throughput, latency and the detector's RSS every second.")
public final class SoakRun implements Callable<Integer> {
    @Option(names = "--minutes", description = "Length of the soak (default: ${DEFAULT-VALUE}).")
    double minutes = 10;

    @Option(names = "--fraction", description = "Share of the measured capacity to send (default: ${DEFAULT-VALUE}).")
    double fraction = 0.8;

    @Option(names = "--burst", description = "Requests in the capacity burst (default: ${DEFAULT-VALUE}).")
    int burst = 6000;

    @Option(names = "--out", description = "Summary, timeline and logs (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target/reliability/soak");

    @Option(names = "--png", description = "Where to draw the chart (default: soak.png in --out).")
    Path png;

    @Mixin
    LocalPlatformOptions platformOptions = new LocalPlatformOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        ChaosRun.Report report = new ChaosRun.Report(out.resolve("summary.txt"));
        RequestImages images = new RequestImages(64, 128);
        try (LocalPlatform platform = new LocalPlatform(platformOptions.home, out.resolve("work"),
                platformOptions.kafkaPort, platformOptions.httpPort, List.of("-Dstarlight.detector.cache-entries=0"))) {
            platform.startBroker(true);
            platform.startDetector();
            double capacity = capacity(platform, images, burst);
            int rate = (int) Math.round(capacity * fraction);
            report.line("capacity: %.1f images/s through Kafka (burst of %d 128x128 PNGs, mean %d bytes, 10%%..90%% of"
                    + " answers); soak at %.0f%% = %d/s for %.1f minutes", capacity, burst, images.meanBytes(),
                    fraction * 100, rate, minutes);

            String run = "soak" + System.currentTimeMillis();
            int total = (int) Math.round(rate * minutes * 60);
            try (RequestProducer producer = new RequestProducer(platform.bootstrap(), Topics.DEFAULT, run, images);
                 ResultTally tally = new ResultTally(platform.bootstrap(), Topics.DEFAULT, run, producer::sentAt);
                 Timeline timeline = new Timeline(() -> producer.acknowledged().size(), tally, platform)) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    producer.send(i);
                }
                producer.flush();
                double sendSeconds = (System.nanoTime() - start) / 1e9;
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (tally.answered() < producer.acknowledged().size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(1500);
                timeline.close();
                List<Timeline.Row> rows = timeline.rows();
                long[] latencies = timeline.latencies();
                double rssFirst = rows.stream().mapToDouble(Timeline.Row::rssMiB).filter(r -> r > 0).findFirst().orElse(-1);
                double rssLast = rows.stream().mapToDouble(Timeline.Row::rssMiB).filter(r -> r > 0).reduce((a, b) -> b).orElse(-1);
                double rssMax = rows.stream().mapToDouble(Timeline.Row::rssMiB).max().orElse(-1);
                report.line("sent %d requests in %.1f s (%.1f/s); answered %d, lost %d, duplicates %d", total, sendSeconds,
                        total / sendSeconds, tally.answered(), producer.acknowledged().size() - tally.answered(),
                        tally.duplicates());
                report.line("latency from send to result: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                        Timeline.percentileMs(latencies, 0.50), Timeline.percentileMs(latencies, 0.95),
                        Timeline.percentileMs(latencies, 0.99), Timeline.percentileMs(latencies, 1.0));
                report.line("detector RSS: %.0f MiB at the first second, %.0f MiB at the last, %.0f MiB max", rssFirst,
                        rssLast, rssMax);
                report.line("answers by kind: %s", tally.answerCounts());
                Path csv = out.resolve("timeline.csv");
                timeline.writeCsv(csv);
                Path chart = png != null ? png : out.resolve("soak.png");
                SoakChart.write(rows, rate, String.format(java.util.Locale.ROOT,
                        "Detector soak: %d/s (%.0f%% of %.0f/s measured) for %.0f min, 128x128 PNGs via Kafka",
                        rate, fraction * 100, capacity, minutes), chart);
                report.line("wrote %s and %s", csv, chart);
            }
        }
        return 0;
    }

    /** Images/s between the 10th and the 90th percentile answer of a burst produced as fast as possible. */
    private static double capacity(LocalPlatform platform, RequestImages images, int burst) throws Exception {
        String run = "capacity" + System.currentTimeMillis();
        try (RequestProducer producer = new RequestProducer(platform.bootstrap(), Topics.DEFAULT, run, images);
             ResultTally tally = new ResultTally(platform.bootstrap(), Topics.DEFAULT, run, producer::sentAt)) {
            for (int i = 0; i < burst; i++) {
                producer.send(i);
            }
            producer.flush();
            int low = burst / 10;
            int high = burst * 9 / 10;
            while (tally.answered() < low) {
                Thread.sleep(20);
            }
            long t0 = System.nanoTime();
            while (tally.answered() < high) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (tally.answered() < burst && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return (high - low) / seconds;
        }
    }
}
