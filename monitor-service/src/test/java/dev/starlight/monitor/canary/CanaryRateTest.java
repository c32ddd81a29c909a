package dev.starlight.monitor.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The canary rate: share × capacity within the floor and the ceiling, and the pacer that sends it in whole images. */
class CanaryRateTest {
    private static final CanaryRate DEFAULTS = new CanaryRate(0.02, null, 1, 5);

    @Test
    void theDefaultIsTwoPercentOfTheMeasuredCapacity() {
        CanaryRate.Plan p = DEFAULTS.plan(231.2); // the soak's measured capacity (docs/reliability)
        assertThat(p.perSecond()).isCloseTo(4.624, within(1e-9));
        assertThat(p.capacitySource()).isEqualTo("measured");
        assertThat(p.perSecond() / 231.2).isLessThanOrEqualTo(0.02);
    }

    @Test
    void aConfiguredCapacityWinsOverTheMeasuredOne() {
        CanaryRate.Plan p = new CanaryRate(0.02, 50.0, 1, 5).plan(1000);
        assertThat(p.perSecond()).isCloseTo(1.0, within(1e-9));
        assertThat(p.capacityPerSecond()).isEqualTo(50.0);
        assertThat(p.capacitySource()).isEqualTo("configured");
    }

    @Test
    void theFloorKeepsSamplesComingOnAnIdlePlatformAndTheCeilingCapsALargeOne() {
        assertThat(DEFAULTS.plan(0).perSecond()).isCloseTo(1 / 60.0, within(1e-12));
        assertThat(DEFAULTS.plan(10_000).perSecond()).isEqualTo(5.0);
        assertThat(new CanaryRate(0.5, null, 0, 5).plan(0).perSecond()).isZero();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new CanaryRate(0, null, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanaryRate(1.5, null, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanaryRate(0.02, -1.0, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanaryRate(0.02, null, 600, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePacerSendsTheRateInWholeImagesWhateverTheTick() {
        CanaryPacer pacer = new CanaryPacer();
        int sent = 0;
        for (int i = 0; i < 100; i++) { // 30 s of 300 ms ticks at 0.5/s
            sent += pacer.due(0.5, 300);
        }
        assertThat(sent).isEqualTo(15);

        CanaryPacer slow = new CanaryPacer();
        int[] perTick = new int[12];
        for (int i = 0; i < perTick.length; i++) { // two minutes of 10 s ticks at the floor, one a minute
            perTick[i] = slow.due(1 / 60.0, 10_000);
        }
        assertThat(perTick).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void aStalledTimerDoesNotTurnIntoABurst() {
        CanaryPacer pacer = new CanaryPacer();
        assertThat(pacer.due(2, 3_600_000)).isEqualTo(120); // an hour late: at most a minute's worth
        assertThat(pacer.due(2, 1000)).isEqualTo(2);
    }
}
