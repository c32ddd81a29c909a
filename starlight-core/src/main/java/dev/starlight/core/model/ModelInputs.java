package dev.starlight.core.model;

import dev.starlight.codecs.image.DecodedImage;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input streams of one image, ready to become tensors: for each stream, {@code N * rowSize} floats in
 * row-major order, shaped {@code [N, rowShape...]} (see {@link InputStreams} for the contract, {@link TileGrid}
 * for which tiles). Deterministic: the same image and options always give the same floats. The trainer builds
 * its training tensors with this same class.
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param grid    the tiles, one per batch row
 * @param streams stream name to data, in {@link InputStreams#NAMES} order
 */
public record ModelInputs(TileGrid grid, Map<String, float[]> streams) {

    public ModelInputs {
        streams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /** All streams of an image. */
    public static ModelInputs from(DecodedImage image, ModelInputOptions options) {
        return from(image, options, InputStreams.NAMES);
    }

    /** Only the named streams (e.g. the inputs a model declares); unknown names are ignored. */
    public static ModelInputs from(DecodedImage image, ModelInputOptions options, Collection<String> wanted) {
        SampleView view = SampleView.of(image);
        TileGrid grid = TileGrid.of(image.width(), image.height(), options);
        Set<String> names = Set.copyOf(wanted);
        Map<String, float[]> streams = new LinkedHashMap<>();
        for (String name : InputStreams.NAMES) {
            if (names.contains(name)) {
                streams.put(name, build(name, image, view, grid));
            }
        }
        return new ModelInputs(grid, streams);
    }

    private static float[] build(String name, DecodedImage image, SampleView view, TileGrid grid) {
        return switch (name) {
            case InputStreams.PIXELS -> tilePlanes(view, grid, view.colour, view.colourScale, false);
            case InputStreams.LSB -> tilePlanes(view, grid, view.lsbSource, 1f, true);
            case InputStreams.ALPHA -> alphaPlanes(view.alpha, view, grid);
            case InputStreams.PALETTE -> repeat(PaletteVector.of(image), grid.size());
            case InputStreams.META -> repeat(MetaVector.of(image), grid.size());
            case InputStreams.STATS -> stats(view, grid, false);
            case InputStreams.TRANSPARENCY -> alphaPlanes(view.transparency, view, grid);
            case InputStreams.PALETTE_PAIRS -> repeat(PalettePairs.of(image), grid.size());
            case InputStreams.TILE_STATS -> stats(view, grid, true);
            default -> throw new IllegalArgumentException("not a stream: " + name);
        };
    }

    /** Number of batch rows (tiles). */
    public int rows() {
        return grid.size();
    }

    public int tileSize() {
        return grid.tileSize();
    }

    /** The spec of a stream at this tile size. */
    public StreamSpec spec(String name) {
        return InputStreams.spec(name, grid.tileSize())
                .orElseThrow(() -> new IllegalArgumentException("not a stream: " + name));
    }

    /** The data of a stream; throws when the stream was not built. */
    public float[] data(String name) {
        float[] data = streams.get(name);
        if (data == null) {
            throw new IllegalArgumentException("stream " + name + " was not built (have " + streams.keySet() + ")");
        }
        return data;
    }

    /** The tensor shape of a stream: {@code [N, rowShape...]}. */
    public long[] shape(String name) {
        return spec(name).shape(rows());
    }

    /** A copy where one stream holds its neutral value everywhere (stream ablation for the explainer). */
    public ModelInputs withNeutral(String name) {
        float[] neutral = new float[data(name).length];
        Arrays.fill(neutral, spec(name).neutral());
        Map<String, float[]> copy = new LinkedHashMap<>(streams);
        copy.put(name, neutral);
        return new ModelInputs(grid, copy);
    }

    /** The names of the streams built. */
    public List<String> names() {
        return List.copyOf(streams.keySet());
    }

    /**
     * Copies planes tile by tile with edge replication: {@code [N, 3, T, T]}, each value {@code sample / divisor} in
     * float arithmetic (or {@code sample & 1} in LSB mode).
     */
    private static float[] tilePlanes(SampleView view, TileGrid grid, int[][] planes, float divisor, boolean lsb) {
        int t = grid.tileSize();
        float[] out = new float[grid.size() * planes.length * t * t];
        int o = 0;
        for (TileGrid.Tile tile : grid.tiles()) {
            for (int[] plane : planes) {
                for (int ty = 0; ty < t; ty++) {
                    for (int tx = 0; tx < t; tx++) {
                        int sample = plane[view.clampedIndex(tile.x(), tile.y(), tx, ty)];
                        out[o++] = lsb ? sample & 1 : sample / divisor;
                    }
                }
            }
        }
        return out;
    }

    /** {@code [N, 2, T, T]}: the plane (alpha or transparency) scaled to 0..1, and its LSB; zeros without alpha. */
    private static float[] alphaPlanes(int[] samples, SampleView view, TileGrid grid) {
        int t = grid.tileSize();
        float[] out = new float[grid.size() * 2 * t * t];
        if (samples == null) {
            return out;
        }
        int plane = t * t;
        int o = 0;
        for (TileGrid.Tile tile : grid.tiles()) {
            for (int ty = 0; ty < t; ty++) {
                for (int tx = 0; tx < t; tx++) {
                    int a = samples[view.clampedIndex(tile.x(), tile.y(), tx, ty)];
                    out[o] = a / view.alphaScale;
                    out[o + plane] = a & 1;
                    o++;
                }
            }
            o += plane;
        }
        return out;
    }

    private static float[] stats(SampleView view, TileGrid grid, boolean transparency) {
        TileStatistics statistics = new TileStatistics(view, grid.tileSize(), transparency);
        float[] out = new float[grid.size() * TileStatistics.LENGTH];
        for (int k = 0; k < grid.size(); k++) {
            statistics.compute(grid.tiles().get(k), out, k * TileStatistics.LENGTH);
        }
        return out;
    }

    private static float[] repeat(float[] row, int rows) {
        float[] out = new float[row.length * rows];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(row, 0, out, k * row.length, row.length);
        }
        return out;
    }
}
