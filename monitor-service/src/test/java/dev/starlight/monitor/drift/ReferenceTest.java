package dev.starlight.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceTest {

    private static double[] sample(Random r, int n, double mean) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.max(0, Math.min(1, mean + 0.1 * r.nextGaussian()));
        }
        return s;
    }

    @Test
    void psiIsZeroForTheSameSampleAndGrowsWithTheShift() {
        Random r = new Random(1);
        double[] ref = sample(r, 2000, 0.3);
        double[] edges = Psi.edges(ref, 10);
        assertThat(edges).hasSize(9).isSorted();
        assertThat(Psi.index(ref, ref, edges)).isZero();
        double small = Psi.index(ref, sample(r, 500, 0.32), edges);
        double large = Psi.index(ref, sample(r, 500, 0.45), edges);
        assertThat(large).isGreaterThan(small * 5).isGreaterThan(0.25);
    }

    @Test
    void thresholdsAreLearnedFromChunksAndSeparateShiftedFromUnshifted() {
        Random r = new Random(3);
        double[] ref = sample(r, 1000, 0.3);
        boolean[] stego = new boolean[1000];
        for (int i = 0; i < stego.length; i++) {
            stego[i] = r.nextDouble() < 0.1;
        }
        Reference reference = Reference.learn(ref, stego, 5, 10, 1.5);
        assertThat(reference.chunkSize()).isEqualTo(200);
        assertThat(reference.stegoRate()).isBetween(0.07, 0.13);
        // the floor is the noise of a 200-sample PSI; the learned value is above it or equal
        assertThat(reference.psiThreshold()).isGreaterThanOrEqualTo(9 * (1 / 200.0 + 1 / 1000.0));
        int falseAlarms = 0;
        int detected = 0;
        for (int trial = 0; trial < 50; trial++) {
            if (Psi.index(ref, sample(r, 200, 0.3), reference.edges()) > reference.psiThreshold()) {
                falseAlarms++;
            }
            if (Psi.index(ref, sample(r, 200, 0.38), reference.edges()) > reference.psiThreshold()) {
                detected++;
            }
        }
        assertThat(falseAlarms).isLessThanOrEqualTo(2);
        assertThat(detected).isGreaterThanOrEqualTo(48);
    }

    @Test
    void aConstantReferenceStillHasAPositiveThreshold() {
        double[] ref = new double[500];
        Reference reference = Reference.learn(ref, new boolean[500], 5, 10, 1.5);
        assertThat(reference.psiThreshold()).isPositive();
        assertThat(reference.rateThreshold()).isPositive();
        double[] moved = new double[100];
        java.util.Arrays.fill(moved, 0.5);
        assertThat(Psi.index(ref, moved, reference.edges())).isGreaterThan(reference.psiThreshold());
    }
}
