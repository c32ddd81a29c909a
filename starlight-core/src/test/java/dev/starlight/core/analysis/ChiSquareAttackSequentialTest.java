package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.image.DecodedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code chi2seq} family of {@link ChiSquareAttack}: where a sequential payload ends. */
class ChiSquareAttackSequentialTest {
    private final Detector chi2 = new ChiSquareAttack();

    @Test
    void endOfSequentialPayloadIsFoundOnCorpusCovers() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        double[] rates = {0.1, 0.2, 0.4};
        // measured covers (of 10) within 0.02 of the truth: 10, 5, 3; the rest overshoot where the cover's own
        // pair imbalance is uneven over the image
        int[] needed = {10, 5, 3};
        for (int r = 0; r < rates.length; r++) {
            double rate = rates[r];
            int close = 0;
            for (int i = 0; i < covers.size(); i++) {
                long seed = i;
                double e = DetectorChecks.mean(chi2, "chi2seq", LsbStego.map(covers.get(i), s -> LsbStego.sequential(s, rate, seed)));
                if (Math.abs(e - rate) <= 0.02) {
                    close++;
                }
            }
            assertThat(close).as("rate %s", rate).isGreaterThanOrEqualTo(needed[r]);
        }
    }

    @Test
    void cleanCorpusCoversAndRandomEmbeddingGiveEstimateZero() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (int i = 0; i < covers.size(); i++) {
            long seed = i;
            assertThat(DetectorChecks.mean(chi2, "chi2seq", covers.get(i))).isLessThan(0.01);
            assertThat(DetectorChecks.mean(chi2, "chi2seq", LsbStego.map(covers.get(i), s -> LsbStego.random(s, 0.2, seed))))
                    .isLessThan(0.01);
        }
    }

    @Test
    void coverWithoutPairImbalanceGivesNoEndPoint() {
        // the synthetic cover's histogram is smooth: its pairs are balanced already, so no end can be located
        assertThat(DetectorChecks.ofFamily(chi2.analyse(LsbStego.syntheticCover(7), null), "chi2seq")).allSatisfy(e -> {
            assertThat(e.score()).isZero();
            assertThat(e.estimate()).isNull();
            assertThat(e.detail()).contains("no end point");
        });
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(LsbStego.corpusCovers().get(0));
        assertThat(DetectorChecks.onIndexPlane(chi2, "chi2seq", indexed).estimate()).isLessThan(0.01);
        DecodedImage stego = LsbStego.map(indexed, s -> LsbStego.sequential(s, 0.1, 5));
        assertThat(DetectorChecks.onIndexPlane(chi2, "chi2seq", stego).estimate()).isCloseTo(0.1, within(0.02));
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(chi2, "chi2seq");
    }
}
