package dev.starlight.monitor.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.ModelEvaluationEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionRulesTest {
    private static final RegressionRules DEFAULTS = new RegressionRules(0.001, 0.01, 0.005, 0.2);

    private static ModelEvaluationEvent eval(String data, double fpr, double tpr, double auc, double p95) {
        return new ModelEvaluationEvent(ModelEvaluationEvent.TYPE, "m", "v", 0, data, 100, Map.of("all", fpr),
                Map.of("alpha", tpr), Map.of(), auc, p95);
    }

    @Test
    void changesWithinTheLimitsPassAndJustBeyondThemFail() {
        ModelEvaluationEvent champion = eval("d", 0.010, 0.90, 0.950, 100);
        assertThat(DEFAULTS.broken(champion, eval("d", 0.011, 0.89, 0.945, 120))).isEmpty();
        assertThat(DEFAULTS.broken(champion, eval("d", 0.0111, 0.8899, 0.9449, 120.1))).hasSize(4);
    }

    @Test
    void aGroupOrFormatMissingFromTheCandidateIsABrokenRule() {
        ModelEvaluationEvent champion = eval("d", 0.01, 0.9, 0.95, 100);
        ModelEvaluationEvent candidate = new ModelEvaluationEvent(ModelEvaluationEvent.TYPE, "m", "v2", 0, "d", 100,
                Map.of(), Map.of(), Map.of(), 0.95, 100);
        assertThat(DEFAULTS.broken(champion, candidate)).containsExactly(
                "fpr[all] missing from the candidate's evaluation", "tpr[alpha] missing from the candidate's evaluation");
    }

    @Test
    void otherDataIsIncomparable() {
        assertThat(RegressionRules.incomparable(eval("a", 0, 0, 0, 0), eval("a", 0, 0, 0, 0))).isNull();
        assertThat(RegressionRules.incomparable(eval("a", 0, 0, 0, 0), eval("b", 0, 0, 0, 0)))
                .contains("other data");
    }
}
