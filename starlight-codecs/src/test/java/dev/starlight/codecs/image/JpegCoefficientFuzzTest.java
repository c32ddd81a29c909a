package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of {@link JpegCoefficientReader}: baseline, progressive, restart-interval and greyscale
 * JPEGs (made here with the JDK writer) are mutated (bit flips, random bytes, truncation, inserted and deleted
 * runs) and read. Each input must be read or refused with {@link ImageDecodeException} within the time limit.
 * Count and seed: {@code -Dstarlight.fuzz.count=N -Dstarlight.fuzz.seed=S}; CI runs the default 2,000.
 */
class JpegCoefficientFuzzTest {
    private static final int COUNT = Integer.getInteger("starlight.fuzz.count", 2_000);
    private static final long SEED = Long.getLong("starlight.fuzz.seed", 20261124L);
    private static final long TIME_LIMIT_MS = 2_000;

    @Test
    void mutatedJpegsAreReadOrRefusedWithAnImageDecodeExceptionInTime() throws Exception {
        List<byte[]> seeds = List.of(
                JpegCoefficientReaderTest.encode(JpegCoefficientReaderTest.picture(96, 80, 1), false, 0, 0.9f),
                JpegCoefficientReaderTest.encode(JpegCoefficientReaderTest.picture(90, 70, 2), true, 0, 0.8f),
                JpegCoefficientReaderTest.encode(JpegCoefficientReaderTest.picture(77, 64, 3), false, 2, 0.7f),
                JpegCoefficientReaderTest.encode(JpegCoefficientReaderTest.picture(64, 72, 4), true, 3, 0.95f));
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jpeg-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < COUNT && failures.size() < 5; i++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Future<String> f = executor.submit(() -> {
                    try {
                        JpegCoefficientReader.read(input);
                        return "read";
                    } catch (ImageDecodeException e) {
                        return e.code().name();
                    }
                });
                try {
                    outcomes.merge(f.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS), 1, Integer::sum);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add("case " + i + ": no answer in " + TIME_LIMIT_MS + " ms");
                    break;
                } catch (ExecutionException e) {
                    failures.add("case " + i + ": " + e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.println("JPEG coefficient fuzz, " + COUNT + " cases, seed " + SEED + ": " + outcomes);
        assertThat(failures).isEmpty();
        assertThat(outcomes.keySet()).doesNotContain(ErrorCode.INTERNAL.name());
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    }

    @Test
    void mutatedArithmeticAndBrokenJpegsAreDecodedOrRefusedWithACodeInTime() throws Exception {
        // the whole pixel path (structure walk, arithmetic decoder, Huffman rewrite, ImageIO) on cjpeg -arithmetic
        // files and on a Huffman file; truncation and stray bytes are among the mutations
        List<byte[]> seeds = List.of(JpegCompatibilityTest.fixture("arith-baseline.jpg"),
                JpegCompatibilityTest.fixture("arith-progressive.jpg"),
                JpegCompatibilityTest.fixture("arith-grey-restart.jpg"),
                JpegCompatibilityTest.fixture("arith-baseline.huffman.jpg"));
        Random random = new Random(SEED + 1);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jpeg-arith-fuzz");
            t.setDaemon(true);
            return t;
        });
        int count = COUNT / 2;
        try {
            for (int i = 0; i < count && failures.size() < 5; i++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Future<String> f = executor.submit(() -> {
                    try {
                        DecodedImage image = ImageCodecs.decode(input);
                        return image.warnings().isEmpty() ? "decoded" : "decoded with warnings";
                    } catch (dev.starlight.codecs.StarlightException e) {
                        return e.code().name();
                    }
                });
                try {
                    outcomes.merge(f.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS), 1, Integer::sum);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add("case " + i + ": no answer in " + TIME_LIMIT_MS + " ms");
                    break;
                } catch (ExecutionException e) {
                    failures.add("case " + i + ": " + e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.println("JPEG arithmetic decode fuzz, " + count + " cases, seed " + (SEED + 1) + ": " + outcomes);
        assertThat(failures).isEmpty();
        assertThat(outcomes.keySet()).doesNotContain(ErrorCode.INTERNAL.name());
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int n = 1 + r.nextInt(8); n > 0; n--) {
                    int i = r.nextInt(b.length);
                    b[i] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
                }
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 3 -> {
                int at = r.nextInt(b.length);
                byte[] run = new byte[1 + r.nextInt(16)];
                r.nextBytes(run);
                byte[] out = new byte[b.length + run.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(run, 0, out, at, run.length);
                System.arraycopy(b, at, out, at + run.length, b.length - at);
                b = out;
            }
            default -> {
                int at = r.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + r.nextInt(16));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
        }
        // mutations in the headers find more paths than those in the entropy-coded data
        if (r.nextInt(3) == 0 && b.length > 4) {
            int i = 2 + r.nextInt(Math.min(b.length - 2, 700));
            b[i] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }
}
