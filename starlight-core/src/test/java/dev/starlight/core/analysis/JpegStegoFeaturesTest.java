package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JpegStegoFeaturesTest {

    private static JpegCoefficients.Component component(int blocks) {
        SplittableRandom r = new SplittableRandom(1);
        short[] coef = new short[blocks * blocks * 64];
        for (int i = 0; i < coef.length; i++) {
            int k = i & 63;
            double scale = k == 0 ? 20 : 4.0 / (1 + (k >> 3) + (k & 7));
            coef[i] = (short) Math.round(Math.log(r.nextDouble()) * scale * (r.nextBoolean() ? 1 : -1));
        }
        int[] q = new int[64];
        Arrays.fill(q, 6);
        return new JpegCoefficients.Component(1, 1, 1, q, blocks, blocks, coef);
    }

    @Test
    void everyNamedFeatureIsComputedAndFinite() {
        double[] f = JpegStegoFeatures.of(component(16));
        assertThat(f).hasSize(JpegStegoFeatures.NAMES.size());
        assertThat(Arrays.stream(f).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void anImageUnderThreeByThreeBlocksHasNoFeaturesAndTheDetectorSaysWhy() {
        assertThat(JpegStegoFeatures.of(component(2))).isNull();
        Evidence e = JpegStegoDetector.analyse(component(2), JpegStegoModel.shipped());
        assertThat(e.score()).isNull();
        assertThat(e.detail()).contains("too small");
    }

    @Test
    void emptyingTheOnesMovesTheOnesShareDifferenceAgainstTheCalibratedEstimate() {
        JpegCoefficients.Component c = component(16);
        short[] shrunk = c.coefficients().clone();
        for (int i = 0; i < shrunk.length; i++) {
            if ((i & 63) != 0 && Math.abs(shrunk[i]) == 1) {
                shrunk[i] = 0;
            }
        }
        int ones = JpegStegoFeatures.NAMES.indexOf("d.ones");
        double before = JpegStegoFeatures.of(c)[ones];
        double after = JpegStegoFeatures.of(c.withCoefficients(shrunk))[ones];
        assertThat(after).isLessThan(before - 0.05);
    }

    @Test
    void theSharedCalibrationGivesTheSameBetaAndL1AsTheCalibrationDetectorAlone() {
        JpegCoefficients.Component c = component(16);
        double[] f = JpegStegoFeatures.of(c);
        double[] alone = JpegCalibrationDetector.features(c);
        assertThat(f[JpegStegoFeatures.NAMES.indexOf("beta")]).isEqualTo(alone[0]);
        assertThat(f[JpegStegoFeatures.NAMES.indexOf("calib.l1")]).isEqualTo(alone[1]);
    }

    @Test
    void theQualityFeatureFollowsTheQuantisationTable() {
        int[] fine = new int[64];
        int[] coarse = new int[64];
        Arrays.fill(fine, 1);
        Arrays.fill(coarse, 10);
        assertThat(JpegStegoFeatures.quality(fine)).isEqualTo(0.0);
        assertThat(JpegStegoFeatures.quality(coarse)).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(1e-9));
    }
}
