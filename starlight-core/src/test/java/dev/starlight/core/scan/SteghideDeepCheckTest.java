package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.Evidence;
import dev.starlight.core.search.steghide.SteghideFinding;
import dev.starlight.core.search.steghide.SteghideSeedSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The deep check on real steghide output, with a search over the seeds near the passphrase's (a full one takes a minute). */
class SteghideDeepCheckTest {
    private static final long WINDOW = 1L << 18;

    @Test
    void anUnencryptedEmbeddingTurnsTheVerdictStegoWithTheEmbeddedFileAsPayload() throws IOException {
        byte[] jpeg = fixture("none-compressed.jpg");
        ScanResult fast = new Scanner().scan(new ScanRequest("r1", "none-compressed.jpg", jpeg));

        ScanResult deep = checkAround("open sesame").check(fast, jpeg, true, done -> { }, () -> false);

        assertThat(fast.isStego()).as("the fast path does not see steghide in this file").isFalse();
        assertThat(deep.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(deep.method()).isEqualTo(SteghideDeepCheck.METHOD);
        assertThat(deep.payload().text()).isEqualTo(new String(fixture("message.txt"), StandardCharsets.UTF_8));
        Evidence e = seedEvidence(deep);
        assertThat(e.kind()).isEqualTo(Evidence.Kind.EXTRACTION);
        assertThat(e.detail()).contains("unencrypted", "msg.txt", "CRC32 checked");
        assertThat(deep.evidence()).hasSize(fast.evidence().size() + 1);
    }

    @Test
    void triageKeepsTheJpegsWhoseSteghideDetectorReachesItsBarAndSaysWhyTheOthersWereNotSearched()
            throws IOException {
        byte[] steghide = fixture("early-seed.jpg");
        // a corpus cover re-saved at quality 75, clean, whose steghide detector logit is under the shipped bar
        byte[] clean = resource("/dev/starlight/core/analysis/outguess/resaved-0010.jpg");
        ScanResult high = new Scanner().scan(new ScanRequest("t1", null, steghide));
        ScanResult low = new Scanner().scan(new ScanRequest("t2", null, clean));
        byte[] pngBytes = dev.starlight.codecs.SyntheticImages.encode(dev.starlight.codecs.SyntheticImages.rgb(
                dev.starlight.codecs.image.ImageFormat.PNG, 32, 32, false, 8, 1));
        ScanResult png = new Scanner().scan(new ScanRequest("t3", null, pngBytes));

        assertThat(SteghideDeepCheck.suspicious(high, steghide)).isTrue();
        assertThat(SteghideDeepCheck.suspicious(low, clean)).isFalse();
        assertThat(SteghideDeepCheck.suspicious(png, pngBytes)).isFalse();
        ScanResult skipped = SteghideDeepCheck.notSuspicious(low);
        assertThat(skipped.verdict()).isEqualTo(low.verdict());
        assertThat(seedEvidence(skipped).score()).isNull();
        assertThat(seedEvidence(skipped).detail()).contains("not searched", "triage");
        assertThat(SteghideDeepCheck.notSuspicious(png)).isSameAs(png);
    }


    @Test
    void anEncryptedEmbeddingIsStegoWithoutPayloadAndNamesItsCipher() throws IOException {
        byte[] jpeg = fixture("rijndael-cbc.jpg");
        ScanResult fast = new Scanner().scan(new ScanRequest("r2", null, jpeg));

        ScanResult deep = checkAround("correct horse").check(fast, jpeg, true, done -> { }, () -> false);

        assertThat(deep.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(deep.payload()).isNull();
        assertThat(deep.stegoProbability()).isGreaterThan(0.999);
        assertThat(seedEvidence(deep).detail()).contains("rijndael-128", "cbc");
    }

    @Test
    void withoutExtractionTheEmbeddedFileIsLeftOut() throws IOException {
        byte[] jpeg = fixture("none-compressed.jpg");
        ScanResult fast = new Scanner().scan(new ScanRequest("r3", null, jpeg));

        ScanResult deep = checkAround("open sesame").check(fast, jpeg, false, done -> { }, () -> false);

        assertThat(deep.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(deep.payload()).isNull();
    }

    @Test
    void seedsWithoutAHeaderLeaveTheVerdictAndSayWhatWasSearched() throws IOException {
        byte[] jpeg = fixture("rijndael-cbc.jpg");
        ScanResult fast = new Scanner().scan(new ScanRequest("r4", null, jpeg));

        ScanResult deep = checkAround("not the passphrase").check(fast, jpeg, true, done -> { }, () -> false);

        assertThat(deep.verdict()).isEqualTo(fast.verdict());
        assertThat(deep.method()).isEqualTo(fast.method());
        Evidence e = seedEvidence(deep);
        assertThat(e.score()).isZero();
        assertThat(e.detail()).startsWith("no steghide header").contains(WINDOW * 2 + " of 2^32 seeds");
    }

    @Test
    void aStoppedSearchIsReportedAsNotRunToTheEnd() throws IOException {
        byte[] jpeg = fixture("rijndael-cbc.jpg");
        ScanResult fast = new Scanner().scan(new ScanRequest("r5", null, jpeg));

        ScanResult deep = new SteghideDeepCheck(1).check(fast, jpeg, true, done -> { }, () -> true);

        assertThat(deep.verdict()).isEqualTo(fast.verdict());
        assertThat(seedEvidence(deep).score()).isNull();
        assertThat(seedEvidence(deep).detail()).startsWith("not run to the end");
    }

    @Test
    void otherFormatsAndErrorsPassThroughUnchanged() {
        ScanResult error = new Scanner().scan(new ScanRequest("r6", null, new byte[] {1, 2, 3}));

        assertThat(new SteghideDeepCheck(1).check(error, new byte[] {1, 2, 3}, true, done -> { }, () -> false))
                .isSameAs(error);
    }

    private static SteghideDeepCheck checkAround(String passphrase) {
        long seed = Integer.toUnsignedLong(SteghideFinding.seedOf(passphrase.getBytes(StandardCharsets.UTF_8)));
        return new SteghideDeepCheck(new SteghideSeedSearch(2, Math.max(0, seed - WINDOW),
                Math.min(SteghideSeedSearch.SEEDS, seed + WINDOW)));
    }

    private static Evidence seedEvidence(ScanResult r) {
        return r.evidence().stream().filter(e -> e.detector().equals(SteghideDeepCheck.DETECTOR)).findFirst()
                .orElseThrow();
    }

    private static byte[] fixture(String name) throws IOException {
        return resource("/dev/starlight/core/search/steghide/" + name);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SteghideDeepCheckTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
