package dev.starlight.core.analysis;

import java.util.function.Supplier;

/**
 * One plane of stored samples that an LSB statistic can be run on.
 *
 * @param name     evidence suffix: {@code red}, {@code green}, {@code blue}, {@code grey}, {@code alpha}, {@code index}
 * @param samples  row-major stored values, one per pixel
 * @param width    pixels per row
 * @param height   rows
 * @param maxValue largest value the plane can hold (255 for 8-bit samples, palette size - 1 for indices)
 * @param shared   what is computed from the plane once and read by several detectors
 */
public record AnalysisPlane(String name, int[] samples, int width, int height, int maxValue, Shared shared) {

    public AnalysisPlane(String name, int[] samples, int width, int height, int maxValue) {
        this(name, samples, width, height, maxValue, new Shared());
    }

    public int size() {
        return samples.length;
    }

    /**
     * What several detectors derive from the same plane, computed by the first that asks: the usable-sample mask
     * that SPA, RS and WS each check a high estimate against ({@link PlaneDetector#usableSamples}). A race computes
     * it twice, with the same result.
     */
    public static final class Shared {
        private static final byte[] NONE = new byte[0];
        private volatile byte[] usable;

        byte[] usable(Supplier<byte[]> compute) {
            byte[] u = usable;
            if (u == null) {
                byte[] computed = compute.get();
                u = computed == null ? NONE : computed;
                usable = u;
            }
            return u == NONE ? null : u;
        }
    }
}
