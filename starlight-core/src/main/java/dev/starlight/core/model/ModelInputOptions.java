package dev.starlight.core.model;

/**
 * How an image is cut into model inputs.
 *
 * @param tileSize side T of the square tiles (default 64); must match the model's input shape
 * @param maxTiles most tiles fed to the model per image (default 64); larger images use an evenly spaced subset
 */
public record ModelInputOptions(int tileSize, int maxTiles) {
    public static final int DEFAULT_TILE_SIZE = 64;
    public static final int DEFAULT_MAX_TILES = 64;
    public static final ModelInputOptions DEFAULTS = new ModelInputOptions(DEFAULT_TILE_SIZE, DEFAULT_MAX_TILES);

    public ModelInputOptions {
        if (tileSize < 1 || tileSize > 1024) {
            throw new IllegalArgumentException("tileSize must be 1..1024, was " + tileSize);
        }
        if (maxTiles < 1) {
            throw new IllegalArgumentException("maxTiles must be at least 1, was " + maxTiles);
        }
    }

    public ModelInputOptions withTileSize(int size) {
        return new ModelInputOptions(size, maxTiles);
    }
}
