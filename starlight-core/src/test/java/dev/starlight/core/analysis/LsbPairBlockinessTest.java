package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
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
        int[] values = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5};
        int[] up = {-6, -3, -4, -1, -2, 0, 1, 3, 2, 5, 4};
        int[] down = {-4, -5, -2, -3, -1, 0, 2, 1, 4, 3, 6};
        for (int i = 0; i < values.length; i++) {
            assertThat(LsbPairBlockiness.up(values[i])).as("F1(%d)", values[i]).isEqualTo(up[i]);
            assertThat(LsbPairBlockiness.down(values[i])).as("F-1(%d)", values[i]).isEqualTo(down[i]);
            assertThat(LsbPairBlockiness.up(LsbPairBlockiness.up(values[i]))).isEqualTo(values[i]);
            assertThat(LsbPairBlockiness.down(values[i])).isEqualTo(-LsbPairBlockiness.up(-values[i]));
        }
    }

    @Test
    void theEdgeSamplesOfEachVersionAreThoseOfTheFullInverseDctOfItsCoefficients() throws IOException {
        JpegCoefficients.Component c = luma("outguess-0025.jpg");
        float[] edges = LsbPairBlockiness.edges(c);
        float[] in = new float[64];
        float[] out = new float[64];
        float[] tmp = new float[64];
        Offset<Float> close = Offset.offset(1e-3f);
        for (int version = 0; version < 3; version++) {
            for (int b = 0; b < c.blockCount(); b++) {
                for (int k = 0; k < 64; k++) {
                    int v = c.coefficients()[b * 64 + k];
                    int flipped = version == 0 ? v : version == 1 ? LsbPairBlockiness.up(v) : LsbPairBlockiness.down(v);
                    in[k] = flipped * c.quant()[k];
                }
                JpegLuma.idct(in, out, tmp);
                int e = (b * 3 + version) * 32;
                for (int i = 0; i < 8; i++) {
                    assertThat(edges[e + i]).as("left, block %d", b).isCloseTo(out[i * 8], close);
                    assertThat(edges[e + 8 + i]).as("right").isCloseTo(out[i * 8 + 7], close);
                    assertThat(edges[e + 16 + i]).as("top").isCloseTo(out[i], close);
                    assertThat(edges[e + 24 + i]).as("bottom").isCloseTo(out[56 + i], close);
                }
            }
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
