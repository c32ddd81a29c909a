package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CoverSplitTest {

    @Test
    void sameBytesAlwaysLandInTheSameSplit() {
        byte[] cover = {1, 2, 3, 4, 5};
        CoverSplit split = new CoverSplit(42, 0.5);
        assertThat(split.of(cover)).isEqualTo(split.of(cover.clone())).isEqualTo(new CoverSplit(42, 0.5).of(cover));
    }

    @Test
    void shareOfHoldoutCoversFollowsTheSetting() {
        CoverSplit split = new CoverSplit(7, 0.3);
        Random random = new Random(1);
        int holdout = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] cover = new byte[32];
            random.nextBytes(cover);
            holdout += split.of(cover) == CoverSplit.Split.HOLDOUT ? 1 : 0;
        }
        assertThat(holdout / 4000.0).isBetween(0.27, 0.33);
    }

    @Test
    void extremeSharesPutEverythingOnOneSide() {
        byte[] cover = {9, 9, 9};
        assertThat(new CoverSplit(1, 0).of(cover)).isEqualTo(CoverSplit.Split.CALIBRATION);
        assertThat(new CoverSplit(1, 1).of(cover)).isEqualTo(CoverSplit.Split.HOLDOUT);
        assertThatThrownBy(() -> new CoverSplit(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
