package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.image.DecodedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePairsAnalysisTest {
    private final Detector spa = new SamplePairsAnalysis();

    @Test
    void sequentialReplacementRateIsEstimatedAsTheUsablePrefixOnCorpusCovers() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (double rate : new double[] {0.1, 0.2, 0.4}) {
            double mean = DetectorChecks.meanOverCovers(spa, covers, (s, seed) -> LsbStego.sequential(s, rate, seed));
            // the payload starts in the covers' saturated top rows, which the estimate leaves out: it measures the
            // share of usable samples in the prefix. Measured / expected at 0.1, 0.2, 0.4: 0.035 / 0.021, 0.073 / 0.065, 0.323 / 0.346
            double expected = LsbStego.usableShareOfSequentialPrefix(covers, rate);
            assertThat(mean).as("rate %s", rate).isCloseTo(expected, within(0.035));
        }
    }

    @Test
    void randomReplacementRateIsEstimatedOnCorpusCovers() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (double rate : new double[] {0.1, 0.2, 0.4}) {
            double mean = DetectorChecks.meanOverCovers(spa, covers, (s, seed) -> LsbStego.random(s, rate, seed));
            // measured: 0.122, 0.220, 0.411
            assertThat(mean).as("rate %s", rate).isCloseTo(rate, within(0.03));
        }
    }

    @Test
    void cleanCorpusCoversGiveEstimatesNearZero() {
        double sum = 0;
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (DecodedImage cover : covers) {
            double e = DetectorChecks.mean(spa, cover);
            assertThat(e).isLessThan(0.1); // largest measured 0.088
            sum += e;
        }
        assertThat(sum / covers.size()).isLessThan(0.03); // measured 0.026
    }

    @Test
    void syntheticCoverIsCleanAndItsPayloadsAreMeasured() {
        DecodedImage cover = LsbStego.syntheticCover(7);
        assertThat(DetectorChecks.mean(spa, cover)).isLessThan(0.04);
        assertThat(DetectorChecks.mean(spa, LsbStego.map(cover, s -> LsbStego.random(s, 0.2, 3))))
                .isCloseTo(0.2, within(0.03));
        assertThat(DetectorChecks.mean(spa, LsbStego.map(cover, s -> LsbStego.sequential(s, 0.2, 3))))
                .isCloseTo(0.2, within(0.04));
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(LsbStego.syntheticCover(11));
        assertThat(DetectorChecks.onIndexPlane(spa, indexed).estimate()).isLessThan(0.05);
        DecodedImage stego = LsbStego.map(indexed, s -> LsbStego.sequential(s, 0.2, 5));
        assertThat(DetectorChecks.onIndexPlane(spa, stego).estimate()).isCloseTo(0.2, within(0.04));
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(spa);
    }
}
