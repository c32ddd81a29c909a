package dev.starlight.lab.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.JpegCoefficients;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    /** 32x32 blocks of Laplacian-like coefficients, as a photograph's are. */
    private static JpegCoefficients.Component component() {
        SplittableRandom r = new SplittableRandom(1);
        short[] coef = new short[32 * 32 * 64];
        for (int i = 0; i < coef.length; i++) {
            int k = i & 63;
            double scale = k == 0 ? 40 : 6.0 / (1 + (k >> 3) + (k & 7));
            coef[i] = (short) Math.round(Math.log(r.nextDouble()) * scale * (r.nextBoolean() ? 1 : -1));
        }
        int[] q = new int[64];
        java.util.Arrays.fill(q, 8);
        return new JpegCoefficients.Component(1, 1, 1, q, 32, 32, coef);
    }

    @Test
    void f5OnlyLowersMagnitudesOfAcCoefficientsAndChangesFewerThanItHides() {
        JpegCoefficients.Component c = component();
        long bits = 2000;
        short[] s = F5Embedder.f5(c, bits, new SplittableRandom(3));
        int changes = 0;
        for (int i = 0; i < s.length; i++) {
            short a = c.coefficients()[i];
            if (s[i] != a) {
                changes++;
                assertThat(i & 63).as("DC is never changed").isNotZero();
                assertThat(Math.abs(s[i])).isEqualTo(Math.abs(a) - 1);
                assertThat(Integer.signum(s[i]) * Integer.signum(a)).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(changes).as("matrix encoding: fewer changes than bits").isPositive().isLessThan((int) bits / 2);
    }

    @Test
    void nsF5ChangesTheShareTheBinaryEntropyBoundGives() {
        JpegCoefficients.Component c = component();
        short[] s = F5Embedder.nsF5(c, 0.1, new SplittableRandom(3));
        int changes = 0;
        int nz = 0;
        for (int i = 0; i < s.length; i++) {
            nz += (i & 63) != 0 && c.coefficients()[i] != 0 ? 1 : 0;
            changes += s[i] != c.coefficients()[i] ? 1 : 0;
        }
        // H(0.0129) = 0.1
        assertThat(changes / (double) nz).isCloseTo(0.0129, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void jstegEqualisesPairsAndNeverTouchesZeroOneOrDc() {
        JpegCoefficients.Component c = component();
        short[] s = JstegEmbedder.embed(c, JstegEmbedder.capacity(c), new SplittableRandom(3));
        int twos = 0;
        int threes = 0;
        for (int i = 0; i < s.length; i++) {
            short a = c.coefficients()[i];
            if ((i & 63) == 0 || a == 0 || a == 1) {
                assertThat(s[i]).isEqualTo(a);
            } else {
                assertThat(s[i] >> 1).as("only the LSB changes").isEqualTo(a >> 1);
            }
            twos += s[i] == 2 ? 1 : 0;
            threes += s[i] == 3 ? 1 : 0;
        }
        assertThat(Math.abs(twos - threes) / (double) (twos + threes)).as("pair (2,3) equalised").isLessThan(0.05);
    }
}
