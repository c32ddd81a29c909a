package dev.starlight.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.hostile.HostileCorpus;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
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

    private static void assertRefusedForHeap(ScanResult result) {
        assertThat(Runtime.getRuntime().maxMemory()).as("test heap").isLessThan(36_000_000L * 20 * 2);
        assertThat(result.error()).isNotNull();
        assertThat(result.error().code()).isEqualTo("TOO_LARGE");
        assertThat(result.error().message()).contains("heap").doesNotContain("out of memory");
    }
}
