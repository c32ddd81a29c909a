package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.image.DecodedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsAnalysisTest {
    private final Detector rs = new RsAnalysis();

    @Test
    void randomReplacementRateIsEstimatedOnCorpusCovers() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (double rate : new double[] {0.1, 0.2, 0.4}) {
            double mean = DetectorChecks.meanOverCovers(rs, covers, (s, seed) -> LsbStego.random(s, rate, seed));
            // measured mean over 10 covers: 0.115, 0.215, 0.414
            assertThat(mean).as("rate %s", rate).isCloseTo(rate, within(0.02));
        }
    }

    @Test
    void sequentialReplacementIsMeasuredAsTheUsablePrefix() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        double[] measured = new double[3];
        double[] rates = {0.1, 0.2, 0.4};
        for (int r = 0; r < 3; r++) {
            double rate = rates[r];
            measured[r] = DetectorChecks.meanOverCovers(rs, covers, (s, seed) -> LsbStego.sequential(s, rate, seed));
        }
        for (int r = 0; r < 3; r++) {
            // the payload starts in the covers' saturated top rows, which the estimate leaves out: it measures the
            // share of usable samples in the prefix (measured / expected at 0.1, 0.2: 0.038 / 0.021, 0.094 / 0.065)
            double expected = LsbStego.usableShareOfSequentialPrefix(covers, rates[r]);
            assertThat(measured[r]).as("rate %s", rates[r]).isCloseTo(expected, within(0.035));
        }
    }

    @Test
    void cleanCorpusCoversGiveEstimatesNearZero() {
        double sum = 0;
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (DecodedImage cover : covers) {
            double e = DetectorChecks.mean(rs, cover);
            assertThat(e).isLessThan(0.1); // largest measured 0.072
            sum += e;
        }
        assertThat(sum / covers.size()).isLessThan(0.03); // measured 0.016
    }

    @Test
    void syntheticCoverIsCleanAndItsPayloadIsMeasured() {
        DecodedImage cover = LsbStego.syntheticCover(7);
        assertThat(DetectorChecks.mean(rs, cover)).isLessThan(0.07);
        assertThat(DetectorChecks.mean(rs, LsbStego.map(cover, s -> LsbStego.random(s, 0.2, 3))))
                .isCloseTo(0.2, within(0.05));
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(LsbStego.syntheticCover(11));
        assertThat(DetectorChecks.onIndexPlane(rs, indexed).estimate()).isLessThan(0.08);
        DecodedImage stego = LsbStego.map(indexed, s -> LsbStego.random(s, 0.2, 5));
        assertThat(DetectorChecks.onIndexPlane(rs, stego).estimate()).isCloseTo(0.2, within(0.06));
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(rs);
    }
}
