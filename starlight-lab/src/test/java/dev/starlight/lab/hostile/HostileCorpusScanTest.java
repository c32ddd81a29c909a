package dev.starlight.lab.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seeded subset of the hostile corpus through {@link Scanner}: every file, of every kind, gets a verdict or a
 * stable error code within the per-image limit, and never {@code INTERNAL}. Count and seed are set with
 * {@code -Dstarlight.hostile.count=N -Dstarlight.hostile.seed=S}; CI runs the default 1,500.
 */
class HostileCorpusScanTest {
    private static final int COUNT = Integer.getInteger("starlight.hostile.count", 1_500);
    private static final long SEED = Long.getLong("starlight.hostile.seed", 20261125L);
    private static final long TIME_LIMIT_MS = 10_000;
    private static final Set<String> KNOWN_CODES = Arrays.stream(ErrorCode.values())
            .filter(c -> c != ErrorCode.INTERNAL).map(Enum::name).collect(Collectors.toSet());

    @Test
    void everyHostileFileGetsAVerdictOrAKnownErrorCodeWithinTheTimeLimit() throws Exception {
        HostileCorpus corpus = new HostileCorpus(SEED);
        Scanner scanner = new Scanner();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long slowestMs = 0;
        String slowest = null;
        ExecutorService executor = newExecutor();
        try {
            for (int i = 0; i < COUNT; i++) {
                HostileFile file = corpus.file(i);
                Future<ScanResult> future = executor.submit(() -> scanner.scan(file.data()));
                long start = System.nanoTime();
                ScanResult result;
                try {
                    result = future.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    failures.add(file.name() + " (seed " + file.seed() + "): no result within " + TIME_LIMIT_MS + " ms");
                    save(file);
                    future.cancel(true);
                    executor.shutdownNow();
                    executor = newExecutor();
                    continue;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = file.name();
                }
                String outcome = result.error() == null ? result.verdict().label() : result.error().code();
                outcomes.merge(outcome, 1, Integer::sum);
                if (result.error() != null && !KNOWN_CODES.contains(result.error().code())) {
                    failures.add(file.name() + " (seed " + file.seed() + "): " + result.error().code() + " "
                            + result.error().message());
                    save(file);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.printf("hostile: %d files (seed %d): %s; slowest %s in %d ms%n", COUNT, SEED, outcomes,
                slowest, slowestMs);
        assertThat(failures).as("crashes, hangs or INTERNAL errors (inputs saved under target/hostile-failures)")
                .isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-scan");
            t.setDaemon(true);
            return t;
        });
    }

    private static void save(HostileFile file) {
        try {
            Path dir = Path.of("target", "hostile-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(file.name()), file.data());
        } catch (Exception ignored) {
            // best effort: the assertion message names the kind and seed
        }
    }
}
