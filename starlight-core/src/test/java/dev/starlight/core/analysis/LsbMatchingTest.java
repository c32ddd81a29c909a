package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsbMatchingTest {
    private final Detector lsbm = new LsbMatching();

    private static double meanRatio(DecodedImage image) {
        double sum = 0;
        int[][] planes = image.colourPlanes();
        for (int[] p : planes) {
            sum += LsbMatching.ratio(p, image.width(), image.height(), 255);
        }
        return sum / planes.length;
    }

    @Test
    void plusMinusOneEmbeddingAtRateFourTenthsScoresHigherThanTheCleanCover() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        int higher = 0;
        int lowerRatio = 0;
        for (int i = 0; i < covers.size(); i++) {
            long seed = i;
            DecodedImage stego = LsbStego.map(covers.get(i), s -> LsbStego.matching(s, 0.4, 255, seed));
            if (DetectorChecks.mean(lsbm, stego) > DetectorChecks.mean(lsbm, covers.get(i))) {
                higher++;
            }
            if (meanRatio(stego) < meanRatio(covers.get(i))) {
                lowerRatio++;
            }
        }
        // measured: 10 of 10 covers
        assertThat(higher).isGreaterThanOrEqualTo(covers.size() - 1);
        assertThat(lowerRatio).isGreaterThanOrEqualTo(covers.size() - 1);
    }

    @Test
    void calibratedRatioFallsWithEmbeddingOnTheSyntheticCover() {
        DecodedImage cover = LsbStego.syntheticCover(7);
        DecodedImage stego = LsbStego.map(cover, s -> LsbStego.matching(s, 0.4, 255, 3));
        assertThat(meanRatio(stego)).isLessThan(meanRatio(cover));
    }

    @Test
    void givesAScoreAndNoEstimate() {
        List<Evidence> out = lsbm.analyse(LsbStego.syntheticCover(3), null);
        assertThat(out).extracting(Evidence::detector).containsExactly("lsbm.red", "lsbm.green", "lsbm.blue");
        assertThat(out).allSatisfy(e -> {
            assertThat(e.score()).isBetween(0.0, 1.0);
            assertThat(e.estimate()).isNull();
        });
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(LsbStego.corpusCovers().get(0));
        double clean = DetectorChecks.onIndexPlane(lsbm, indexed).score();
        DecodedImage stego = LsbStego.map(indexed, s -> LsbStego.matching(s, 0.4, 255, 5));
        assertThat(DetectorChecks.onIndexPlane(lsbm, stego).score()).isGreaterThan(clean);
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(lsbm);
    }
}
