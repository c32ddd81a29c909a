package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LsbPairBlockinessTest {

    private static JpegCoefficients.Component luma(String name) throws IOException {
        try (InputStream in = LsbPairBlockinessTest.class.getResourceAsStream("outguess/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return JpegCoefficientReader.read(in.readAllBytes()).luma();
        }
    }

    @Test
    void theFlipSwapsTheLsbPairsAndSparesZeroAndOneAndItsMirrorIsTheSignMirrorImage() {
        short[] values = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5};
        assertThat(LsbPairBlockiness.flip(values, 1)).containsExactly(-6, -3, -4, -1, -2, 0, 1, 3, 2, 5, 4);
        assertThat(LsbPairBlockiness.flip(values, -1)).containsExactly(-4, -5, -2, -3, -1, 0, 2, 1, 4, 3, 6);
        assertThat(LsbPairBlockiness.flip(LsbPairBlockiness.flip(values, 1), 1)).containsExactly(values);
        for (int i = 0; i < values.length; i++) {
            short[] mirrored = {(short) -values[i]};
            assertThat(LsbPairBlockiness.flip(new short[] {values[i]}, -1)[0])
                    .isEqualTo((short) -LsbPairBlockiness.flip(mirrored, 1)[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0003", "0010", "0025"})
    void realOutGuessRaisesTheFlipDifferenceAboveItsCleanTwin(String cover) throws IOException {
        double stego = LsbPairBlockiness.of(luma("outguess-" + cover + ".jpg"))[0];
        double twin = LsbPairBlockiness.of(luma("resaved-" + cover + ".jpg"))[0];
        assertThat(stego).as("160 bytes by outguess in corpus cover %s against the same cover re-saved", cover)
                .isGreaterThan(twin + 0.1);
    }

    @Test
    void theDifferenceGrowsWithTheShareOfCoefficientsWhoseLsbWasReplaced() throws IOException {
        JpegCoefficients.Component cover = luma("resaved-0010.jpg");
        double previous = LsbPairBlockiness.of(cover)[0];
        for (double share : new double[] {0.1, 0.3, 0.6}) {
            short[] c = cover.coefficients().clone();
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < c.length; i++) {
                if (c[i] != 0 && c[i] != 1 && random.nextDouble() < share) {
                    c[i] = (short) ((c[i] & ~1) | random.nextInt(2)); // the LSB replaced by a random bit
                }
            }
            double now = LsbPairBlockiness.of(cover.withCoefficients(c))[0];
            assertThat(now).as("LSBs of %.0f%% of the usable coefficients replaced", 100 * share)
                    .isGreaterThan(previous);
            previous = now;
        }
    }
}
