package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.lab.hostile.Mutations;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the whole scan path: valid files of every format (clean and stego) are mutated
 * ({@link Mutations#havoc}: bit flips, interesting bytes, overwritten length fields, truncation, inserted and
 * deleted runs, spliced files) and scanned. Every input must give exactly one result within the time limit, and no result may be
 * {@code INTERNAL} (an exception we did not anticipate). Count and seed are set with
 * {@code -Dstarlight.fuzz.count=N -Dstarlight.fuzz.seed=S}; CI runs the default 2,000.
 */
class MutationFuzzTest {
    private static final int COUNT = Integer.getInteger("starlight.fuzz.count", 2_000);
    private static final long SEED = Long.getLong("starlight.fuzz.seed", 20261124L);
    private static final long TIME_LIMIT_MS = 5_000;

    @Test
    void mutatedFilesOfEveryFormatGiveOneResultWithAStableCodeAndNoInternalError() throws Exception {
        List<byte[]> seeds = seedFiles();
        Random random = new Random(SEED);
        Scanner scanner = new Scanner();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<String, Integer> codes = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < COUNT; i++) {
                byte[] input = Mutations.havoc(seeds.get(random.nextInt(seeds.size())), seeds, random);
                Future<ScanResult> future = executor.submit(() -> scanner.scan(input));
                ScanResult result;
                try {
                    result = future.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    failures.add("case " + i + ": no result within " + TIME_LIMIT_MS + " ms");
                    save(i, input);
                    future.cancel(true);
                    executor.shutdownNow();
                    executor = Executors.newSingleThreadExecutor();
                    continue;
                }
                assertThat(result).isNotNull();
                verdicts.merge(result.verdict(), 1, Integer::sum);
                if (result.error() != null) {
                    codes.merge(result.error().code(), 1, Integer::sum);
                    if (result.error().code().equals("INTERNAL")) {
                        failures.add("case " + i + ": " + result.error().message());
                        save(i, input);
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.printf("fuzz: %d inputs (seed %d): %s, error codes %s%n", COUNT, SEED, verdicts, codes);
        assertThat(failures).as("crashes or hangs (inputs saved under target/fuzz-failures)").isEmpty();
        assertThat(verdicts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    }

    private static List<byte[]> seedFiles() {
        byte[] msg = "fuzz seed message with enough text to be found".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> seeds = new ArrayList<>();
        for (ImageFormat f : ImageFormat.values()) {
            byte[] rgb = SyntheticImages.encode(f == ImageFormat.GIF
                    ? SyntheticImages.indexed(f, 24, 17, 256, f.ordinal())
                    : SyntheticImages.rgb(f, 24, 17, false, 8, f.ordinal()));
            seeds.add(rgb);
            seeds.add(Protocol.embed(rgb, Method.RAW, msg, EmbedOptions.DEFAULT));
            if (f == ImageFormat.GIF) {
                seeds.add(Protocol.embed(rgb, Method.PALETTE, msg, EmbedOptions.DEFAULT));
            }
            if (f != ImageFormat.JPEG && f != ImageFormat.GIF) {
                seeds.add(SyntheticImages.encode(SyntheticImages.rgb(f, 19, 23, true, 8, 40 + f.ordinal())));
            }
            if (f == ImageFormat.PNG || f == ImageFormat.GIF || f == ImageFormat.BMP) {
                seeds.add(SyntheticImages.encode(SyntheticImages.indexed(f, 33, 9, 16, 50 + f.ordinal())));
            }
            if (f == ImageFormat.PNG || f == ImageFormat.WEBP || f == ImageFormat.JPEG) {
                seeds.add(Protocol.embed(rgb, Method.EXIF, msg, EmbedOptions.DEFAULT));
            }
        }
        seeds.add(SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 16, 16, true, 16, 99)));
        return seeds;
    }

    private static void save(int i, byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve("case-" + i + ".bin"), input);
        } catch (Exception ignored) {
            // best effort: the assertion message already names the case
        }
    }
}
