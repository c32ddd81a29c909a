package dev.starlight.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.monitor.ingest.ScanOutcome;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final long T0 = 1_800_000_000_000L;

    private static ScanOutcome clean(long latencyMs) {
        return new ScanOutcome("id", null, "png", "clean", 0.1, null, "m", latencyMs, null, null);
    }

    @Test
    void histogramQuantilesAreWithinThreePercentAndMergeable() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            (v % 2 == 0 ? a : b).add(v);
        }
        a.merge(b);
        assertThat(a.total()).isEqualTo(10_000);
        assertThat(a.quantile(0.50)).isCloseTo(5_000, within(150.0));
        assertThat(a.quantile(0.95)).isCloseTo(9_500, within(285.0));
        assertThat(a.quantile(0.99)).isCloseTo(9_900, within(297.0));
        LatencyHistogram small = new LatencyHistogram();
        small.add(3);
        small.add(7);
        assertThat(small.quantile(0.5)).isEqualTo(3);
        assertThat(small.quantile(1.0)).isEqualTo(7);
        assertThat(new LatencyHistogram().quantile(0.5)).isNaN();
    }

    @Test
    void bucketIndexesCoverEveryValueInOrder() {
        int previous = -1;
        for (long v = 0; v < 200_000; v += 7) {
            int i = LatencyHistogram.index(v);
            assertThat(i).isGreaterThanOrEqualTo(previous);
            assertThat(LatencyHistogram.lower(i)).isLessThanOrEqualTo(v);
            assertThat(LatencyHistogram.lower(i + 1)).isGreaterThan(v);
            previous = i;
        }
        assertThat(LatencyHistogram.index(-5)).isZero();
        assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.index(LatencyHistogram.MAX_MS));
    }

    @Test
    void eventsLeaveEachWindowWhenItSlidesPastThem() {
        LiveStats stats = new LiveStats(4);
        stats.record(clean(10), T0, T0);
        stats.record(clean(10), T0 + 30_000, T0 + 30_000);
        assertThat(stats.stats(Window.M1, T0 + 30_000).count()).isEqualTo(2);
        assertThat(stats.stats(Window.M1, T0 + 61_000).count()).isEqualTo(1);
        assertThat(stats.stats(Window.M1, T0 + 91_000).count()).isZero();
        assertThat(stats.stats(Window.M15, T0 + 91_000).count()).isEqualTo(2);
        assertThat(stats.stats(Window.H24, T0 + 86_000_000).count()).isEqualTo(2);
        assertThat(stats.stats(Window.H24, T0 + 87_000_000).count()).isZero();
        // a slot reused a full turn later starts empty
        stats.record(clean(10), T0 + 120_000, T0 + 120_000);
        assertThat(stats.stats(Window.M1, T0 + 120_000).count()).isEqualTo(1);
        // events older than a window never enter it; events from the future count as now
        stats.record(clean(10), T0 - 3_600_000, T0 + 120_000);
        stats.record(clean(10), T0 + 500_000, T0 + 120_000);
        assertThat(stats.stats(Window.M1, T0 + 120_000).count()).isEqualTo(2);
        assertThat(stats.series(Window.M1, T0 + 120_000)).hasSize(60)
                .last().satisfies(p -> assertThat(p.count()).isEqualTo(2));
    }

    @Test
    void modelsBeyondTheCapAreDroppedLeastRecentlySeenFirst() {
        LiveStats stats = new LiveStats(2);
        for (String m : new String[] {"a", "b", "a", "c"}) {
            stats.record(new ScanOutcome("id", null, "png", "clean", 0.1, null, m, 1, null, null), T0, T0);
        }
        assertThat(stats.models()).containsExactly("a", "c");
        assertThat(stats.stats(Window.M1, "b", T0)).isEmpty();
        assertThat(stats.stats(Window.M1, T0).count()).isEqualTo(4);
    }

    @Test
    void labelsFromUntrustedInputAreBounded() {
        LiveStats stats = new LiveStats(2);
        for (int i = 0; i < 100; i++) {
            stats.record(new ScanOutcome("id", null, "fmt" + i, "stego", 0.9, "method" + i, "m", 1, null, null),
                    T0, T0);
        }
        WindowStats s = stats.stats(Window.M1, T0);
        assertThat(s.byFormat()).hasSize(Aggregate.MAX_LABELS + 1).containsKey("other");
        assertThat(s.stegoRateByMethod()).hasSize(Aggregate.MAX_LABELS + 1);
        assertThat(s.byFormat().get("other").count()).isEqualTo(100 - Aggregate.MAX_LABELS);
    }
}
