package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesJpegTest {
    private final VerdictRules rules = new VerdictRules(true);

    private static Evidence jpeg(double score, String method) {
        return new Evidence("jpeg.stego", score, "DCT classifier", 0.1, method, Evidence.Kind.STATISTIC);
    }

    @Test
    void theJpegClassifierAtItsOperatingPointCallsStegoWithTheToolItNamed() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.8, "outguess")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(d.method()).isEqualTo("outguess");
        assertThat(d.probability()).isEqualTo(0.8);
    }

    @Test
    void withoutANamedToolTheMethodIsJpegDct() {
        assertThat(rules.decide(List.of(), List.of(jpeg(0.6, null)), null).method()).isEqualTo("jpeg.dct");
    }

    @Test
    void belowTheOperatingPointTheJpegIsCleanWithTheClassifiersProbability() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.3, null)), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.probability()).isEqualTo(0.3);
    }

    @Test
    void aStrongerModelNamesTheMethodInstead() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.6, "steghide"),
                new Evidence("served-cnn", 0.9, "model cnn", null, "alpha", Evidence.Kind.MODEL)), null);
        assertThat(d.method()).isEqualTo("alpha");
    }

    @Test
    void aFitWhoseHoldoutMissedTheFprTargetIsEvidenceOnlyAndDecidesNothing() {
        VerdictRules.Decision d = new VerdictRules(false).decide(List.of(), List.of(jpeg(0.9, "outguess")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.method()).isNull();
    }
}
