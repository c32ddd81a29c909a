package dev.starlight.core.analysis;

/**
 * One plane of stored samples that an LSB statistic can be run on.
 *
 * @param name     evidence suffix: {@code red}, {@code green}, {@code blue}, {@code grey}, {@code alpha}, {@code index}
 * @param samples  row-major stored values, one per pixel
 * @param width    pixels per row
 * @param height   rows
 * @param maxValue largest value the plane can hold (255 for 8-bit samples, palette size - 1 for indices)
 */
public record AnalysisPlane(String name, int[] samples, int width, int height, int maxValue) {

    public int size() {
        return samples.length;
    }
}
