package dev.starlight.trainer.data;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.core.model.TileGrid;
import java.util.List;

/**
 * Which tiles of a stego image carry the payload, found by comparing its samples with its cover's. Sequential
 * embeddings touch only the first rows, so labelling every tile of such an image stego would teach the network
 * that clean-looking pixels are stego. Container payloads (metadata, trailers) change no sample: there every tile
 * is labelled stego, since the image-level streams that show them repeat on every tile.
 */
final class ChangedTiles {
    private ChangedTiles() {
    }

    /** One flag per tile of {@code grid}: true where any sample, palette index or alpha value differs. */
    static boolean[] of(DecodedImage cover, DecodedImage stego, TileGrid grid) {
        List<TileGrid.Tile> tiles = grid.tiles();
        boolean[] changed = new boolean[tiles.size()];
        if (cover == null || cover.width() != stego.width() || cover.height() != stego.height()
                || cover.planes().length != stego.planes().length) {
            java.util.Arrays.fill(changed, true);
            return changed;
        }
        boolean any = false;
        int w = stego.width();
        int t = grid.tileSize();
        for (int k = 0; k < tiles.size(); k++) {
            TileGrid.Tile tile = tiles.get(k);
            int yEnd = Math.min(stego.height(), tile.y() + t);
            int xEnd = Math.min(w, tile.x() + t);
            scan:
            for (int y = tile.y(); y < yEnd; y++) {
                for (int x = tile.x(); x < xEnd; x++) {
                    int i = y * w + x;
                    if (differs(cover, stego, i)) {
                        changed[k] = true;
                        any = true;
                        break scan;
                    }
                }
            }
        }
        if (!any) {
            java.util.Arrays.fill(changed, true);
        }
        return changed;
    }

    /**
     * Whether any sample, palette index or alpha value differs; true when the cover is unknown or has another
     * shape (the change cannot be ruled out).
     */
    static boolean anySampleDiffers(DecodedImage cover, DecodedImage stego) {
        if (cover == null || cover.width() != stego.width() || cover.height() != stego.height()
                || cover.planes().length != stego.planes().length) {
            return true;
        }
        for (int i = 0; i < stego.pixelCount(); i++) {
            if (differs(cover, stego, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(DecodedImage a, DecodedImage b, int i) {
        if (a.indices() != null && b.indices() != null && a.indices()[i] != b.indices()[i]) {
            return true;
        }
        for (int p = 0; p < a.planes().length; p++) {
            if (a.planes()[p][i] != b.planes()[p][i]) {
                return true;
            }
        }
        return false;
    }
}
