package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesKindTest {
    private final VerdictRules rules = new VerdictRules();

    @Test
    void modelEvidenceIsFoundByItsKind() {
        VerdictRules.Decision d = rules.decide(List.of(),
                List.of(new Evidence("served-cnn", 0.9, "model cnn", null, "alpha", Evidence.Kind.MODEL)), null);
        assertThat(d.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(d.probability()).isEqualTo(0.9);
        assertThat(d.method()).isEqualTo("alpha");
    }

    @Test
    void aStatisticNamedLikeAModelDecidesNothing() {
        VerdictRules.Decision d = rules.decide(List.of(), List.of(new Evidence("model.lookalike", 0.9, "")), null);
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
    }
}
