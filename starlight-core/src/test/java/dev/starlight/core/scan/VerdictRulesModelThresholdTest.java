package dev.starlight.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.fusion.FusionModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fusion fit with model operating points moves where the served model's probability makes a verdict. */
class VerdictRulesModelThresholdTest {
    private final VerdictRules rules = new VerdictRules(Set.of());
    private final FusionModel fit = new FusionModel("fusion-test", Map.of(), Map.of(),
            new FusionModel.ModelOperatingPoints("cnn-2", Map.of("indexed", 0.99, "truecolour", 0.3)));

    private static List<Evidence> model(double p) {
        return List.of(new Evidence("model.cnn", p, "model", null, "palette", Evidence.Kind.MODEL));
    }

    @Test
    void aModelUnderItsGroupsOperatingPointIsEvidenceOnly() {
        List<Evidence> evidence = model(0.9);
        VerdictRules.Decision d = rules.decide(List.of(), evidence, fit.fuse("gif", evidence, 65536, "cnn-2"));
        assertThat(d.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(d.probability()).isLessThan(0.5).isGreaterThan(0.45); // 0.9 read against 0.99
    }

    @Test
    void aModelAtItsGroupsOperatingPointDecides() {
        List<Evidence> evidence = model(0.995);
        VerdictRules.Decision d = rules.decide(List.of(), evidence, fit.fuse("gif", evidence, 65536, "cnn-2"));
        assertThat(d.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(d.probability()).isEqualTo(0.995);
    }

    @Test
    void operatingPointsNeverGoUnderTheModelsOwnNorApplyToAnotherModel() {
        List<Evidence> low = model(0.4);
        assertThat(fit.fuse("png", low, 65536, "cnn-2").modelThreshold()).isEqualTo(0.5);
        assertThat(rules.decide(List.of(), low, fit.fuse("png", low, 65536, "cnn-2")).verdict())
                .isEqualTo(Verdict.CLEAN);
        // another version of the model (a retrain, a hot swap) decides at its own 0.5
        List<Evidence> high = model(0.9);
        assertThat(fit.fuse("gif", high, 65536, "cnn-3").modelThreshold()).isEqualTo(0.5);
        assertThat(rules.decide(List.of(), high, fit.fuse("gif", high, 65536, "cnn-3")).verdict())
                .isEqualTo(Verdict.STEGO);
        assertThat(fit.fuse("gif", high, 65536).modelThreshold()).isEqualTo(0.5);
    }
}
