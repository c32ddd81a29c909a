package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictRulesJpegTest {
    /** A fit whose outguess and jsteg detectors passed their held-out gate, steghide's and F5's not. */
    private final VerdictRules rules = new VerdictRules(Set.of("outguess", "jsteg"));

    private static Evidence jpeg(double score, String method) {
        return new Evidence("jpeg.stego", score, "DCT classifier", 0.1, method, Evidence.Kind.STATISTIC);
    }

    @Test
    void aDecidingToolAtItsOperatingPointCallsStegoWithThatTool() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.8, "outguess")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(d.method()).isEqualTo("outguess");
        assertThat(d.probability()).isEqualTo(0.8);
    }

    @Test
    void aToolThatDoesNotDecideIsEvidenceOnlyAndTheJpegStaysClean() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.9, "steghide")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.method()).isNull();
        assertThat(d.probability()).isLessThan(0.5);
    }

    @Test
    void belowTheOperatingPointTheJpegIsCleanWithTheClassifiersProbability() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.3, null)), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.probability()).isEqualTo(0.3);
    }

    @Test
    void aStrongerModelNamesTheMethodInstead() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(jpeg(0.6, "outguess"),
                new Evidence("served-cnn", 0.9, "model cnn", null, "alpha", Evidence.Kind.MODEL)), null);
        assertThat(d.method()).isEqualTo("alpha");
    }

    @Test
    void aFitWithNoDecidingToolDecidesNothing() {
        VerdictRules.Decision d = new VerdictRules(Set.of()).decide(List.of(), List.of(jpeg(0.9, "outguess")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.method()).isNull();
    }
}
