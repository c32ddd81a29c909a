package dev.starlight.core.search.steghide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.image.JpegCoefficientReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SteghideSeedSearchTest {
    /** Seeds searched on each side of the passphrase's seed: a partial search that still runs the real filter. */
    static final long WINDOW = 1L << 18;

    @Test
    void findsSteghidesDefaultEncryptedEmbeddingAndNamesItsCipher() throws IOException {
        SteghideSeedSearch.Result r = searchAround("rijndael-cbc.jpg", "correct horse");

        assertThat(r.outcome()).isEqualTo(SteghideSeedSearch.Outcome.FOUND);
        SteghideFinding f = r.finding().orElseThrow();
        assertThat(f.seed()).isEqualTo(SteghideFinding.seedOf("correct horse".getBytes(StandardCharsets.UTF_8)));
        assertThat(f.header().algorithmName()).isEqualTo("rijndael-128");
        assertThat(f.header().modeName()).isEqualTo("cbc");
        assertThat(f.header().compressed()).isTrue();
        assertThat(f.message()).as("encrypted data needs the passphrase itself").isEmpty();
        assertThat(f.chance()).isBetween(1e-6, 1e-3);
    }

    @Test
    void readsAnUnencryptedCompressedEmbeddingExactly() throws IOException {
        SteghideFinding f = searchAround("none-compressed.jpg", "open sesame").finding().orElseThrow();

        assertThat(f.header().encrypted()).isFalse();
        assertThat(f.header().compressed()).isTrue();
        SteghideMessage m = f.message().orElseThrow();
        assertThat(m.fileName()).isEqualTo("msg.txt");
        assertThat(m.data()).isEqualTo(resource("message.txt"));
        assertThat(f.chance()).isLessThan(1e-12);
    }

    @Test
    void readsAnUnencryptedUncompressedEmbeddingExactly() throws IOException {
        SteghideFinding f = searchAround("none-uncompressed.jpg", "battery staple").finding().orElseThrow();

        assertThat(f.header().compressed()).isFalse();
        assertThat(f.message().orElseThrow().data()).isEqualTo(resource("message.txt"));
    }

    @Test
    void theCoverTheEmbeddingWasMadeFromHoldsNothingForTheSameSeeds() throws IOException {
        SteghideSamples cover = SteghideSamples.of(JpegCoefficientReader.read(
                Files.readAllBytes(Corpus.root().resolve("covers/clean-0025.jpg"))));
        long seed = Integer.toUnsignedLong(SteghideFinding.seedOf("correct horse".getBytes(StandardCharsets.UTF_8)));

        SteghideSeedSearch.Result r = around(seed).search(cover, done -> { }, () -> false);

        assertThat(r.outcome()).isEqualTo(SteghideSeedSearch.Outcome.NOT_FOUND);
        assertThat(r.finding()).isEmpty();
    }

    @Test
    void theSelectorVisitsEverySampleExactlyOnce() {
        for (int seed : new int[] {0, 1, 0x72dcb7fd, -1}) {
            int n = 5000;
            SteghideSelector s = new SteghideSelector(n, seed);
            BitSet seen = new BitSet(n);
            for (int i = 0; i < n; i++) {
                int v = s.get(i);
                assertThat(seen.get(v)).as("seed %d position %d repeats sample %d", seed, i, v).isFalse();
                seen.set(v);
            }
            assertThat(seen.cardinality()).isEqualTo(n);
        }
    }

    @Test
    void integerScalingAgreesWithSteghidesDoubleScaling() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000_000; i++) {
            int state = random.nextInt();
            int n = 1 + random.nextInt(i % 2 == 0 ? 1 << 16 : Integer.MAX_VALUE);
            assertThat(SteghideRandom.scaleFast(state, n)).isEqualTo(SteghideRandom.scale(state, n));
        }
        // products just under an integer, where a double rounds up
        for (int n = 1 << 30; n < (1 << 30) + 1000; n++) {
            long state = ((1L << 32) * 3 + n - 1) / n; // the smallest state with state * n >= 3 * 2^32
            for (long s = state - 2; s <= state; s++) {
                assertThat(SteghideRandom.scaleFast((int) s, n)).isEqualTo(SteghideRandom.scale((int) s, n));
            }
        }
    }

    @Test
    void aHeaderMustNameACipherAndModeSteghideCanWrite() {
        assertThat(SteghideHeader.validPair(0, 1)).as("none, with steghide's default mode left in place").isTrue();
        assertThat(SteghideHeader.validPair(0, 0)).isFalse();
        assertThat(SteghideHeader.validPair(2, 6)).as("rijndael-128 ctr").isTrue();
        assertThat(SteghideHeader.validPair(2, 7)).as("a block cipher in stream mode").isFalse();
        assertThat(SteghideHeader.validPair(20, 7)).as("arcfour stream").isTrue();
        assertThat(SteghideHeader.validPair(20, 1)).isFalse();
        assertThat(SteghideHeader.validPair(23, 1)).as("no 24th cipher").isFalse();
        assertThat(SteghideHeader.VALID_PAIRS).isEqualTo(131);
    }

    @Test
    void aHeadersLengthMustBeOneOrTwoModuloEightAndFitTheCover() {
        assertThat(SteghideHeader.plausibleLength(1233, 5000)).as("compressed: 1 + 32 + whole bytes").isTrue();
        assertThat(SteghideHeader.plausibleLength(1378, 5000)).as("uncompressed: 2 flags + whole bytes").isTrue();
        assertThat(SteghideHeader.plausibleLength(1235, 5000)).isFalse();
        assertThat(SteghideHeader.plausibleLength(4993, 5000)).isTrue();
        assertThat(SteghideHeader.plausibleLength(5009, 5000)).as("longer than the cover holds").isFalse();
        assertThat(SteghideHeader.plausibleLength(9, 5000)).isFalse();
    }

    @Test
    void theChanceOfAFalseHeaderGrowsWithTheCoverAndFollowsTheRulesCount() {
        int samples = 30_000;
        double lengths = (samples / 3 - SteghideHeader.BITS - 9) / 4.0;
        double expected = 128 * (131 / 256.0) * lengths / Math.pow(2, 32);

        assertThat(SteghideFinding.chanceOfFalseHeader(samples)).isCloseTo(expected, within(1e-12));
        assertThat(SteghideFinding.chanceOfFalseHeader(120_000)).isGreaterThan(SteghideFinding.chanceOfFalseHeader(samples));
        assertThat(SteghideFinding.chanceOfFalseHeader(100)).isZero();
    }

    @Test
    void steghidesChecksumIsTheUnreflectedCrc32() {
        assertThat(SteghideCrc32.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xFC891918L);
    }

    @Test
    void aCancelledSearchStopsEarlyAndSaysSo() throws IOException {
        SteghideSamples samples = samples("rijndael-cbc.jpg");
        AtomicInteger checks = new AtomicInteger();

        SteghideSeedSearch.Result r = new SteghideSeedSearch(2).search(samples, done -> { },
                () -> checks.incrementAndGet() > 3);

        assertThat(r.outcome()).isEqualTo(SteghideSeedSearch.Outcome.CANCELLED);
        assertThat(r.seedsTried()).isLessThan(SteghideSeedSearch.SEEDS / 100);
    }

    @Test
    void aCoverTooSmallForAHeaderIsNotSearched() {
        SteghideSeedSearch.Result r = new SteghideSeedSearch(1).search(new SteghideSamples(new byte[100]),
                done -> { }, () -> false);

        assertThat(r.outcome()).isEqualTo(SteghideSeedSearch.Outcome.NOT_FOUND);
        assertThat(r.candidates()).isZero();
    }

    private static SteghideSeedSearch.Result searchAround(String file, String passphrase) throws IOException {
        long seed = Integer.toUnsignedLong(SteghideFinding.seedOf(passphrase.getBytes(StandardCharsets.UTF_8)));
        return around(seed).search(samples(file), done -> { }, () -> false);
    }

    /** A search of the seeds within {@link #WINDOW} of {@code seed}, on two threads. */
    static SteghideSeedSearch around(long seed) {
        return new SteghideSeedSearch(2, Math.max(0, seed - WINDOW), Math.min(SteghideSeedSearch.SEEDS, seed + WINDOW));
    }

    private static SteghideSamples samples(String file) throws IOException {
        return SteghideSamples.of(JpegCoefficientReader.read(resource(file)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SteghideSeedSearchTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
