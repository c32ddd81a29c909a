package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChiSquareAttackTest {
    private final Detector chi2 = new ChiSquareAttack();

    /** A cover whose pairs of values are far from balanced: every sample even. */
    private static DecodedImage combed() {
        return LsbStego.map(LsbStego.syntheticCover(7), s -> {
            for (int i = 0; i < s.length; i++) {
                s[i] &= ~1;
            }
            return s;
        });
    }

    @Test
    void unbalancedCoverHasPValueZeroAndFullRateReplacementRaisesIt() {
        assertThat(DetectorChecks.ofFamily(chi2.analyse(combed(), null), "chi2")).hasSize(3).allSatisfy(e -> assertThat(e.score()).isLessThan(1e-6));
        DecodedImage stego = LsbStego.map(combed(), s -> LsbStego.random(s, 1.0, 9));
        assertThat(DetectorChecks.mean(chi2, stego)).isGreaterThan(0.05);
    }

    @Test
    void fullRateReplacementOfCorpusCoversRaisesThePValue() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        int raised = 0;
        for (int i = 0; i < covers.size(); i++) {
            long seed = i;
            double clean = DetectorChecks.mean(chi2, covers.get(i));
            double full = DetectorChecks.mean(chi2, LsbStego.map(covers.get(i), s -> LsbStego.random(s, 1.0, seed)));
            if (full > clean) {
                raised++;
            }
        }
        assertThat(raised).isGreaterThanOrEqualTo(covers.size() - 1);
    }

    @Test
    void givesAPValueAndNoEstimate() {
        List<Evidence> out = DetectorChecks.ofFamily(chi2.analyse(LsbStego.syntheticCover(3), null), "chi2");
        assertThat(out).extracting(Evidence::detector).containsExactly("chi2.red", "chi2.green", "chi2.blue");
        assertThat(out).allSatisfy(e -> {
            assertThat(e.score()).isBetween(0.0, 1.0);
            assertThat(e.estimate()).isNull();
            assertThat(e.detail()).contains("p-value");
        });
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(combed());
        assertThat(DetectorChecks.onIndexPlane(chi2, indexed).score()).isLessThan(1e-6);
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(chi2);
    }
}
