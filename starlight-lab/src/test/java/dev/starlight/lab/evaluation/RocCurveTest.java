package dev.starlight.lab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void perfectlySeparatedScoresHaveAucOne() {
        assertThat(RocCurve.auc(new double[] {0.8, 0.9}, new double[] {0.1, 0.2, 0.3})).isEqualTo(1.0);
    }

    @Test
    void reversedScoresHaveAucZeroAndTiesCountHalf() {
        assertThat(RocCurve.auc(new double[] {0.1}, new double[] {0.5, 0.6})).isEqualTo(0.0);
        assertThat(RocCurve.auc(new double[] {0.5, 0.5}, new double[] {0.5, 0.5})).isEqualTo(0.5);
    }

    @Test
    void aucCountsPairsWonOverAllPairs() {
        // stego 0.4 beats clean 0.3 only; stego 0.7 beats both: 3 of 4 pairs
        assertThat(RocCurve.auc(new double[] {0.4, 0.7}, new double[] {0.3, 0.5})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tprAtZeroBudgetNeedsScoresAboveTheHighestCleanScore() {
        double[] clean = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
        double[] stego = {0.92, 0.96, 0.99, 0.5};
        assertThat(RocCurve.tprAtFpr(stego, clean, 0.01)).isEqualTo(0.5);
        // 10% of 10 clean images may pass: the threshold drops below the highest one
        assertThat(RocCurve.tprAtFpr(stego, clean, 0.10)).isEqualTo(0.75);
    }

    @Test
    void emptySidesGiveNaN() {
        assertThat(RocCurve.auc(new double[0], new double[] {1})).isNaN();
        assertThat(RocCurve.tprAtFpr(new double[] {1}, new double[0], 0.01)).isNaN();
    }
}
