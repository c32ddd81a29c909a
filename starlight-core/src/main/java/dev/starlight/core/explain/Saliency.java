package dev.starlight.core.explain;

import java.util.List;

/**
 * Where in the image the evidence sits.
 *
 * @param width    image width
 * @param height   image height
 * @param tileSize side of the model's tiles (0 without a model)
 * @param columns  tile columns of the full grid (0 without a model)
 * @param rows     tile rows of the full grid (0 without a model)
 * @param tiles    the tiles the model saw (a large image is sampled: see {@code TileGrid}); empty without a model
 * @param regions  where recovered messages sit: pixel runs for the sequential LSB methods, byte ranges for
 *                 trailers and metadata
 */
public record Saliency(int width, int height, int tileSize, int columns, int rows, List<TileSaliency> tiles,
                       List<PayloadRegion> regions) {
    public Saliency {
        tiles = List.copyOf(tiles);
        regions = List.copyOf(regions);
    }
}
