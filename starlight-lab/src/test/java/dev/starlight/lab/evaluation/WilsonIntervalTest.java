package dev.starlight.lab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesNewcombesPublishedWilsonIntervals() {
        // the worked examples of Newcombe, "Two-sided confidence intervals for the single proportion", Stat. Med. 17
        // (1998), method 3 (score interval without continuity correction), to four decimals
        assertThat(WilsonInterval.lower95(81, 263)).isCloseTo(0.2553, within(5e-5));
        assertThat(WilsonInterval.upper95(81, 263)).isCloseTo(0.3662, within(5e-5));
        assertThat(WilsonInterval.lower95(15, 148)).isCloseTo(0.0624, within(5e-5));
        assertThat(WilsonInterval.upper95(15, 148)).isCloseTo(0.1605, within(5e-5));
        assertThat(WilsonInterval.upper95(0, 20)).isCloseTo(0.1611, within(5e-5));
        assertThat(WilsonInterval.lower95(1, 29)).isCloseTo(0.0061, within(5e-5));
        assertThat(WilsonInterval.upper95(1, 29)).isCloseTo(0.1718, within(5e-5));
    }

    @Test
    void zeroFalsePositivesGiveZSquaredOverNPlusZSquared() {
        double z2 = WilsonInterval.Z95 * WilsonInterval.Z95;
        assertThat(WilsonInterval.upper95(0, 105)).isCloseTo(z2 / (105 + z2), within(1e-12)).isBetween(0.035, 0.036);
        // 765 clean images with none flagged are the fewest that bound the FPR at 0.5%
        assertThat(WilsonInterval.upper95(0, 765)).isLessThanOrEqualTo(0.005);
        assertThat(WilsonInterval.upper95(0, 764)).isGreaterThan(0.005);
        assertThat(WilsonInterval.lower95(0, 105)).isZero();
    }

    @Test
    void boundsStayInsideZeroToOneAndRefuseImpossibleCounts() {
        assertThat(WilsonInterval.upper95(10, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(WilsonInterval.lower95(10, 10)).isCloseTo(0.7225, within(5e-5)); // = 1 - upper95(0, 10)
        assertThat(WilsonInterval.upper95(0, 0)).isNaN();
        assertThatThrownBy(() -> WilsonInterval.upper95(11, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
