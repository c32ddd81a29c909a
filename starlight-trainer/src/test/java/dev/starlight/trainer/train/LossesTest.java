package dev.starlight.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossesTest {
    static NDManager m;

    @BeforeAll
    static void engine() {
        m = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        m.close();
    }

    @Test
    void binaryCrossEntropyMatchesTheFormula() {
        NDArray logits = m.create(new float[] {2f, -1f, 0f}, new Shape(3, 1));
        double expected = (Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-1)) + Math.log(2)) / 3;
        assertThat(Losses.binaryCrossEntropy(logits, new float[] {1, 0, 1}).getFloat())
                .isCloseTo((float) expected, within(1e-5f));
    }

    @Test
    void maskedCrossEntropyIgnoresRowsWithoutAClass() {
        NDArray logits = m.create(new float[] {3f, 0f, 0f, 100f}, new Shape(2, 2));
        float loss = Losses.maskedCrossEntropy(logits, new int[] {0, -1}).getFloat();
        assertThat(loss).isCloseTo((float) Math.log(1 + Math.exp(-3)), within(1e-5f));
        assertThat(Losses.maskedCrossEntropy(logits, new int[] {-1, -1}).getFloat()).isZero();
    }

    @Test
    void tripletLossIsZeroWhenClassesAreFarApartAndPositiveWhenMixed() {
        // two stego tiles of class 1 together, one clean tile far away: every hinge is inactive
        NDArray separated = m.create(new float[] {1, 0, 1, 0, 0, 1}, new Shape(3, 2));
        assertThat(Losses.batchHardTriplet(separated, new int[] {1, 1, 0}, 0.3f).getFloat()).isZero();
        // the clean tile sits on the stego anchor, the positive is opposite: loss = d(a,p) - 0 + margin
        NDArray mixed = m.create(new float[] {1, 0, -1, 0, 1, 0}, new Shape(3, 2));
        float loss = Losses.batchHardTriplet(mixed, new int[] {1, 1, 0}, 0.3f).getFloat();
        // anchors 0 and 1: anchor 0 has d(ap)=2, nearest negative d=0 -> 2.3; anchor 1: d(ap)=2, d(an)=2 -> 0.3
        assertThat(loss).isCloseTo((2.3f + 0.3f) / 2, within(1e-3f));
    }

    @Test
    void cleanTilesAreNeverAnchors() {
        NDArray e = m.create(new float[] {1, 0, 1, 0, -1, 0}, new Shape(3, 2));
        assertThat(Losses.batchHardTriplet(e, new int[] {0, 0, 1}, 0.3f).getFloat()).isZero();
    }
}
