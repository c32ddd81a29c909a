package dev.starlight.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The tiles an image is cut into: {@code columns = ceil(width / T)}, {@code rows = ceil(height / T)}, numbered
 * row-major from the top-left. Tiles that cross the right or bottom edge are padded by edge replication.
 *
 * <p>When there are more than {@code maxTiles} tiles, the grid keeps an evenly spaced deterministic subset:
 * for {@code k = 0 .. maxTiles-1} the tile numbered {@code floor((2k + 1) * total / (2 * maxTiles))}, i.e. the
 * middle tile of each of {@code maxTiles} equal runs of the row-major order. The same image always gives the same
 * tiles, and the subset spans the whole image.
 *
 * @param width    image width
 * @param height   image height
 * @param tileSize side of a tile
 * @param columns  tiles per row of the full grid
 * @param rows     tile rows of the full grid
 * @param tiles    the tiles fed to the model, in row-major order
 */
public record TileGrid(int width, int height, int tileSize, int columns, int rows, List<Tile> tiles) {

    /** One tile: its position in the grid and its top-left pixel. */
    public record Tile(int column, int row, int x, int y) {
    }

    public TileGrid {
        tiles = List.copyOf(tiles);
    }

    public static TileGrid of(int width, int height, ModelInputOptions options) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1x1, was " + width + "x" + height);
        }
        int t = options.tileSize();
        int columns = (width + t - 1) / t;
        int rows = (height + t - 1) / t;
        long total = (long) columns * rows;
        int keep = (int) Math.min(total, options.maxTiles());
        List<Tile> tiles = new ArrayList<>(keep);
        for (int k = 0; k < keep; k++) {
            long number = keep == total ? k : (2L * k + 1) * total / (2L * keep);
            int column = (int) (number % columns);
            int row = (int) (number / columns);
            tiles.add(new Tile(column, row, column * t, row * t));
        }
        return new TileGrid(width, height, t, columns, rows, tiles);
    }

    /** Tiles in the full grid, before any subset is taken. */
    public long totalTiles() {
        return (long) columns * rows;
    }

    /** Tiles fed to the model (the batch size N). */
    public int size() {
        return tiles.size();
    }
}
