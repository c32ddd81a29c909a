package dev.starlight.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.core.model.TileGrid;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import org.junit.jupiter.api.Test;

class ChangedTilesTest {
    static final ModelInputOptions TILES = new ModelInputOptions(32, 64);

    @Test
    void aShortSequentialPayloadMarksOnlyTilesOfTheFirstRows() {
        byte[] cover = SyntheticCovers.encoded(ImageFormat.PNG, 128, 1);
        byte[] stego = Protocol.embed(cover, Method.LSB_RGB, "a short message, 31 bytes long.".getBytes(),
                new EmbedOptions(BitOrder.LSB_FIRST, false));
        DecodedImage s = ImageCodecs.decode(stego);
        TileGrid grid = TileGrid.of(128, 128, TILES);
        boolean[] changed = ChangedTiles.of(ImageCodecs.decode(cover), s, grid);
        // ~40 framed bytes fill part of the first pixel row only: tiles of later tile rows are untouched
        assertThat(changed[0]).isTrue();
        for (int k = 0; k < changed.length; k++) {
            if (grid.tiles().get(k).row() > 0) {
                assertThat(changed[k]).as("tile %d", k).isFalse();
            }
        }
    }

    @Test
    void aContainerPayloadMarksEveryTile() {
        byte[] cover = SyntheticCovers.encoded(ImageFormat.PNG, 64, 2);
        byte[] stego = Protocol.embed(cover, Method.RAW, "trailer".getBytes(),
                new EmbedOptions(BitOrder.LSB_FIRST, false));
        boolean[] changed = ChangedTiles.of(ImageCodecs.decode(cover), ImageCodecs.decode(stego),
                TileGrid.of(64, 64, TILES));
        assertThat(changed).containsOnly(true);
    }

    @Test
    void withoutItsCoverEveryTileCounts() {
        DecodedImage s = ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.PNG, 64, 3));
        assertThat(ChangedTiles.of(null, s, TileGrid.of(64, 64, TILES))).containsOnly(true);
    }
}
