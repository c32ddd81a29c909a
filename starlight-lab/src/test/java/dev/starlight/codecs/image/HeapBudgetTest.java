package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.hostile.HostileCorpus;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Small files that legitimately declare 36 to 40 megapixels (one colour compresses about 1000:1, under the bomb
 * ratio) are refused with TOO_LARGE before their planes are allocated when decoding would take more than half the
 * heap, instead of running the JVM out of memory. The tests run with -Xmx1g (see the parent pom).
 */
class HeapBudgetTest {
    private final Scanner scanner = new Scanner();

    @Test
    void pngIdatBombOf6000x6000IsRefusedBeforeDecodingNotByRunningOutOfMemory() {
        assertRefusedForHeap(scanner.scan(HostileCorpus.make("png-idat-bomb", 1)));
    }

    @Test
    void pngAtThePixelLimitInflatingToItsDeclaredSizeIsRefusedBeforeDecoding() {
        assertRefusedForHeap(scanner.scan(HostileCorpus.make("png-idat-bomb-at-limit", 1)));
    }

    @Test
    void gifLzwBombOf6000x6000IsRefusedBeforeDecodingNotByRunningOutOfMemory() {
        assertRefusedForHeap(scanner.scan(HostileCorpus.make("gif-lzw-bomb", 1)));
    }

    @Test
    void anImageThatFitsInHalfTheHeapIsStillDecoded() {
        assertThat(scanner.scan(HostileCorpus.make("png-16bit", 1)).error()).isNull();
    }

    @Test
    void twoImagesThatEachFitButNotTogetherAreDecodedOneAfterTheOther() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        long pixels = (long) (max * 0.3 / ImageLimits.HEAP_BYTES_PER_PIXEL); // 30 % of the heap each; budget 50 %
        ImageLimits limits = ImageLimits.DEFAULT;
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2); // the common pool may have one thread only
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (HeapBudget.Scope scope = HeapBudget.open()) {
                limits.checkHeap("first", pixels);
                firstHolds.countDown();
                releaseFirst.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try (HeapBudget.Scope scope = HeapBudget.open()) {
                limits.checkHeap("second", pixels);
                return HeapBudget.reserved();
            }
        }, threads);
        Thread.sleep(500);
        assertThat(second).as("waits while the first holds its share").isNotDone();
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).as("then holds only its own").isEqualTo(pixels * ImageLimits.HEAP_BYTES_PER_PIXEL);
        assertThat(HeapBudget.reserved()).as("everything given back").isZero();
        threads.shutdown();
    }

    @Test
    void aDecoderCalledOutsideAScopeReservesNothing() {
        ImageLimits.DEFAULT.checkHeap("alone", 1_000_000);
        assertThat(HeapBudget.reserved()).isZero();
    }

    private static void assertRefusedForHeap(ScanResult result) {
        assertThat(Runtime.getRuntime().maxMemory()).as("test heap").isLessThan(36_000_000L * 20 * 2);
        assertThat(result.error()).isNotNull();
        assertThat(result.error().code()).isEqualTo("TOO_LARGE");
        assertThat(result.error().message()).contains("heap").doesNotContain("out of memory");
    }
}
