package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.SyntheticImages;
import dev.starlight.core.image.ImageFormat;
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
 * (bit flips, interesting bytes, overwritten length fields, truncation, inserted and deleted runs, spliced
 * files) and scanned. Every input must give exactly one result within the time limit, and no result may be
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
                byte[] input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
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

    /** The mutations. Each picks offsets near the start more often, where headers and lengths live. */
    static final class Mutator {
        private static final int[] INTERESTING = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x10, 0x40};

        static byte[] mutate(byte[] seed, List<byte[]> all, Random r) {
            byte[] b = seed.clone();
            int rounds = 1 + r.nextInt(4);
            for (int k = 0; k < rounds && b.length > 0; k++) {
                switch (r.nextInt(8)) {
                    case 0 -> flipBit(b, r);
                    case 1 -> b[offset(b, r)] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
                    case 2 -> bigLength(b, r);
                    case 3 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                    case 4 -> b = insert(b, r);
                    case 5 -> b = delete(b, r);
                    case 6 -> b = splice(b, all.get(r.nextInt(all.size())), r);
                    default -> randomRun(b, r);
                }
            }
            return b;
        }

        private static int offset(byte[] b, Random r) {
            return r.nextBoolean() ? r.nextInt(Math.min(b.length, 64)) : r.nextInt(b.length);
        }

        private static void flipBit(byte[] b, Random r) {
            int o = offset(b, r);
            b[o] ^= (byte) (1 << r.nextInt(8));
        }

        private static void bigLength(byte[] b, Random r) {
            int o = offset(b, r);
            int[] values = {0xFF, 0x7F, 0x80, 0x00};
            for (int i = o; i < Math.min(b.length, o + 4); i++) {
                b[i] = (byte) values[r.nextInt(values.length)];
            }
        }

        private static byte[] insert(byte[] b, Random r) {
            int o = offset(b, r);
            byte[] run = new byte[1 + r.nextInt(32)];
            r.nextBytes(run);
            byte[] out = new byte[b.length + run.length];
            System.arraycopy(b, 0, out, 0, o);
            System.arraycopy(run, 0, out, o, run.length);
            System.arraycopy(b, o, out, o + run.length, b.length - o);
            return out;
        }

        private static byte[] delete(byte[] b, Random r) {
            int o = offset(b, r);
            int n = Math.min(b.length - o, 1 + r.nextInt(32));
            byte[] out = new byte[b.length - n];
            System.arraycopy(b, 0, out, 0, o);
            System.arraycopy(b, o + n, out, o, b.length - o - n);
            return out;
        }

        private static byte[] splice(byte[] b, byte[] other, Random r) {
            int cut = r.nextInt(b.length);
            int from = r.nextInt(Math.max(1, other.length));
            byte[] out = new byte[cut + other.length - from];
            System.arraycopy(b, 0, out, 0, cut);
            System.arraycopy(other, from, out, cut, other.length - from);
            return out;
        }

        private static void randomRun(byte[] b, Random r) {
            int o = offset(b, r);
            int n = Math.min(b.length - o, 1 + r.nextInt(16));
            for (int i = o; i < o + n; i++) {
                b[i] = (byte) r.nextInt(256);
            }
        }
    }
}
