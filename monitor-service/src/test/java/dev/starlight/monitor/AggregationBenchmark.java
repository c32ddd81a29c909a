package dev.starlight.monitor;

import dev.starlight.monitor.canary.CanaryTally;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.drift.DriftMonitor;
import dev.starlight.monitor.ingest.IngestCounters;
import dev.starlight.monitor.ingest.ResultIngest;
import dev.starlight.monitor.window.LiveStats;
import dev.starlight.monitor.window.Window;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Events aggregated per second on the monitor's aggregation path, one thread: decode a ScanResult's JSON (as the
 * detector writes it, evidence included) and update the four windows for all traffic and the model, the drift
 * state and the ingest counter. Not a unit test (no "Test" suffix); run:
 * <pre>
 * ./mvnw -B -q -pl monitor-service -am install -DskipTests
 * ./mvnw -B -q -pl monitor-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp monitor-service/target/test-classes:monitor-service/target/classes:$(cat monitor-service/target/test-classpath.txt) \
 *     dev.starlight.monitor.AggregationBenchmark [events rounds]
 * </pre>
 */
public final class AggregationBenchmark {
    private AggregationBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[][] values = results(events);
        long bytes = 0;
        for (byte[] v : values) {
            bytes += v.length;
        }
        System.out.printf(Locale.ROOT, "%d results, %.0f bytes of JSON each on average%n", events,
                (double) bytes / events);
        for (int round = 0; round < rounds + 2; round++) {
            ResultIngest ingest = fresh();
            long start = System.nanoTime();
            long now = System.currentTimeMillis();
            for (int i = 0; i < values.length; i++) {
                // timestamps spread over the last 10 minutes, as a replay or a busy stream would bring them
                ingest.accept("starlight.scan.results", values[i], now - (values.length - i) % 600_000, now);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s %d: %.0f events/s%n", round < 2 ? "warm-up" : "round", round,
                    events / seconds);
        }
    }

    private static ResultIngest fresh() {
        MonitorConfig config = config();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new ResultIngest(new LiveStats(32), new DriftMonitor(config), new CanaryTally(500),
                new IngestCounters(registry));
    }

    private static byte[][] results(int n) {
        Random r = new Random(42);
        String[] formats = {"png", "jpeg", "gif", "bmp", "webp"};
        String[] methods = {"lsb.rgb", "alpha", "palette", "exif", "raw"};
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            String id = "req-" + i;
            String model = "model-v" + (i % 3);
            String format = formats[r.nextInt(formats.length)];
            long latency = 2 + (long) Math.abs(r.nextGaussian() * 20);
            double u = r.nextDouble();
            String json = u < 0.02 ? Events.error(id, model, format, "TRUNCATED", latency)
                    : u < 0.12 ? Events.stego(id, model, format, 0.7 + 0.3 * r.nextDouble(),
                    methods[r.nextInt(methods.length)], latency)
                    : Events.clean(id, model, format, 0.3 * r.nextDouble(), latency);
            out[i] = json.getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** The defaults of {@link MonitorConfig}, without a Quarkus runtime. */
    private static MonitorConfig config() {
        MonitorConfig.Drift drift = (MonitorConfig.Drift) Proxy.newProxyInstance(
                MonitorConfig.class.getClassLoader(), new Class<?>[] {MonitorConfig.Drift.class},
                (proxy, method, a) -> switch (method.getName()) {
                    case "referenceSize" -> 1000;
                    case "chunks" -> 5;
                    case "safetyFactor" -> 1.5;
                    case "bins" -> 10;
                    case "window" -> Duration.ofMinutes(15);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (MonitorConfig) Proxy.newProxyInstance(MonitorConfig.class.getClassLoader(),
                new Class<?>[] {MonitorConfig.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "drift" -> drift;
                    case "maxModels" -> 32;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static {
        // keep the Window enum's class initialisation out of the first timed round
        Window.values();
    }
}
