package dev.starlight.core.explain;

/**
 * One tile the model looked at.
 *
 * @param column        the tile's column in the grid
 * @param row           the tile's row in the grid
 * @param x             left pixel
 * @param y             top pixel
 * @param logit         the tile's own stego logit
 * @param occlusionDrop how much the image logit falls when this tile's pixel-shaped streams ({@code pixels},
 *                      {@code lsb}, {@code alpha}) are neutral: only the tiles that decide the maximum have a drop
 */
public record TileSaliency(int column, int row, int x, int y, double logit, double occlusionDrop) {
}
