package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code wsseq} family of {@link WeightedStego}: where a sequential payload ends. */
class WeightedStegoSequentialTest {
    private final Detector ws = new WeightedStego();

    @Test
    void endOfSequentialPayloadIsFoundWithinTwoHundredthsOnEveryCorpusCover() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (double rate : new double[] {0.1, 0.2, 0.4}) {
            double sum = 0;
            for (int i = 0; i < covers.size(); i++) {
                long seed = i;
                double e = DetectorChecks.mean(ws, "wsseq", LsbStego.map(covers.get(i), s -> LsbStego.sequential(s, rate, seed)));
                assertThat(e).as("rate %s cover %s", rate, i).isCloseTo(rate, within(0.03)); // worst measured 0.022
                sum += e;
            }
            // measured mean over 10 covers: 0.100, 0.202, 0.399
            assertThat(sum / covers.size()).as("rate %s", rate).isCloseTo(rate, within(0.01));
        }
    }

    @Test
    void cleanCoversAndRandomPositionEmbeddingGiveNoSequentialPayload() {
        List<DecodedImage> covers = LsbStego.corpusCovers();
        for (int i = 0; i < covers.size(); i++) {
            long seed = i;
            assertThat(DetectorChecks.mean(ws, "wsseq", covers.get(i))).isLessThan(0.01);
            assertThat(DetectorChecks.mean(ws, "wsseq", LsbStego.map(covers.get(i), s -> LsbStego.random(s, 0.4, seed))))
                    .isLessThan(0.01);
        }
    }

    @Test
    void detailGivesTheEndPositionOnTheSyntheticCover() {
        DecodedImage cover = LsbStego.syntheticCover(7);
        assertThat(DetectorChecks.mean(ws, "wsseq", cover)).isLessThan(0.01);
        List<Evidence> out = DetectorChecks.ofFamily(ws.analyse(LsbStego.map(cover, s -> LsbStego.sequential(s, 0.25, 3)), null), "wsseq");
        assertThat(out).hasSize(3).allSatisfy(e -> {
            assertThat(e.estimate()).isCloseTo(0.25, within(0.01));
            assertThat(e.detail()).contains("ends near sample").contains("row 12");
        });
    }

    @Test
    void paletteIndexPlaneIsAnalysed() {
        DecodedImage indexed = LsbStego.greyPaletteImage(LsbStego.syntheticCover(11));
        assertThat(DetectorChecks.onIndexPlane(ws, "wsseq", indexed).estimate()).isLessThan(0.01);
        DecodedImage stego = LsbStego.map(indexed, s -> LsbStego.sequential(s, 0.2, 5));
        assertThat(DetectorChecks.onIndexPlane(ws, "wsseq", stego).estimate()).isCloseTo(0.2, within(0.01));
    }

    @Test
    void lossyTinyAndConstantImagesGiveNotRunEvidence() {
        DetectorChecks.notRunOnLossyTinyAndConstant(ws, "wsseq");
    }
}
