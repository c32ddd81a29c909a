package dev.starlight.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.Palette;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelInputsTest {
    private static final int T = 64;
    private static final int PLANE = T * T;

    private static float pixel(ModelInputs in, String stream, int tile, int channel, int tx, int ty) {
        int channels = in.spec(stream).rowShape()[0];
        return in.data(stream)[((tile * channels + channel) * T + ty) * T + tx];
    }

    private static float stat(ModelInputs in, int tile, int index) {
        return in.data(InputStreams.STATS)[tile * TileStatistics.LENGTH + index];
    }

    private static void assertShapes(ModelInputs in, int rows) {
        assertThat(in.rows()).isEqualTo(rows);
        assertThat(in.shape("pixels")).containsExactly(rows, 3, T, T);
        assertThat(in.shape("lsb")).containsExactly(rows, 3, T, T);
        assertThat(in.shape("alpha")).containsExactly(rows, 2, T, T);
        assertThat(in.shape("palette")).containsExactly(rows, 1026);
        assertThat(in.shape("meta")).containsExactly(rows, 264);
        assertThat(in.shape("stats")).containsExactly(rows, 16);
        assertThat(in.shape("transparency")).containsExactly(rows, 2, T, T);
        assertThat(in.shape("palette_pairs")).containsExactly(rows, 258);
        assertThat(in.shape("tile_stats")).containsExactly(rows, 16);
        for (String name : InputStreams.NAMES) {
            assertThat(in.data(name)).hasSize(in.spec(name).rowSize() * rows);
        }
    }

    @Test
    void aOneByOneImageIsOneTileOfItsOnlyPixel() {
        ModelInputs in = ModelInputs.from(TestImages.rgb(1, 1, (x, y) -> 51), ModelInputOptions.DEFAULTS);
        assertShapes(in, 1);
        for (int i = 0; i < 3 * PLANE; i++) {
            assertThat(in.data("pixels")[i]).isEqualTo(51 / 255f);
            assertThat(in.data("lsb")[i]).isEqualTo(1f);
        }
        assertThat(stat(in, 0, 14)).isEqualTo(1f / PLANE);
        assertThat(stat(in, 0, 0)).isCloseTo(51 / 255f, within(1e-6f));
        assertThat(stat(in, 0, 1)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void a63By65ImageIsTwoTilesPaddedByEdgeReplication() {
        DecodedImage image = TestImages.rgb(63, 65, (x, y) -> (x + 3 * y) & 0xFF);
        ModelInputs in = ModelInputs.from(image, ModelInputOptions.DEFAULTS);
        assertShapes(in, 2);
        assertThat(in.grid().columns()).isEqualTo(1);
        assertThat(in.grid().rows()).isEqualTo(2);
        assertThat(in.grid().tiles()).containsExactly(new TileGrid.Tile(0, 0, 0, 0), new TileGrid.Tile(0, 1, 0, 64));
        // column 63 repeats column 62
        assertThat(pixel(in, "pixels", 0, 0, 63, 10)).isEqualTo(((62 + 30) & 0xFF) / 255f);
        // tile 1 holds row 64 only; every row below repeats it, every column past 62 repeats column 62
        assertThat(pixel(in, "pixels", 1, 2, 5, 0)).isEqualTo(((5 + 192) & 0xFF) / 255f);
        assertThat(pixel(in, "pixels", 1, 2, 5, 63)).isEqualTo(((5 + 192) & 0xFF) / 255f);
        assertThat(pixel(in, "pixels", 1, 1, 63, 63)).isEqualTo(((62 + 192) & 0xFF) / 255f);
        assertThat(pixel(in, "lsb", 1, 0, 63, 63)).isEqualTo((62 + 192) & 1);
        assertThat(stat(in, 0, 14)).isEqualTo(63f * 64 / PLANE);
        assertThat(stat(in, 1, 14)).isEqualTo(63f / PLANE);
    }

    @Test
    void a256By256ImageIsSixteenTilesInRowMajorOrder() {
        ModelInputs in = ModelInputs.from(TestImages.rgb(256, 256, (x, y) -> x ^ y), ModelInputOptions.DEFAULTS);
        assertShapes(in, 16);
        assertThat(in.grid().tiles().get(5)).isEqualTo(new TileGrid.Tile(1, 1, 64, 64));
        assertThat(pixel(in, "pixels", 5, 0, 3, 4)).isEqualTo(((64 + 3) ^ (64 + 4)) / 255f);
    }

    @Test
    void a4096By17ImageIsOneRowOfSixtyFourTiles() {
        ModelInputs in = ModelInputs.from(TestImages.rgb(4096, 17, (x, y) -> x & 0xFF), ModelInputOptions.DEFAULTS);
        assertShapes(in, 64);
        assertThat(in.grid().totalTiles()).isEqualTo(64);
        assertThat(in.grid().tiles().get(63)).isEqualTo(new TileGrid.Tile(63, 0, 4032, 0));
        assertThat(pixel(in, "pixels", 63, 0, 10, 40)).isEqualTo(((4032 + 10) & 0xFF) / 255f);
    }

    @Test
    void largerImagesKeepAnEvenlySpacedSubsetOfMaxTiles() {
        ModelInputs in = ModelInputs.from(TestImages.rgb(1024, 1024, (x, y) -> 7), ModelInputOptions.DEFAULTS);
        assertShapes(in, 64);
        assertThat(in.grid().totalTiles()).isEqualTo(256);
        // 256 tiles in 64 runs of 4: the middle of run k is tile 4k + 2
        assertThat(in.grid().tiles()).extracting(t -> t.row() * 16 + t.column())
                .containsExactlyElementsOf(IntStream.range(0, 64).map(k -> 4 * k + 2).boxed().toList());

        TileGrid few = TileGrid.of(4096, 17, new ModelInputOptions(64, 10));
        assertThat(few.tiles()).extracting(TileGrid.Tile::column)
                .containsExactly(3, 9, 16, 22, 28, 35, 41, 48, 54, 60);
    }

    @Test
    void buildsTheSameFloatsEveryTime() {
        DecodedImage image = TestImages.rgb(200, 90, (x, y) -> (x * 31 + y * 17) & 0xFF);
        ModelInputs a = ModelInputs.from(image, ModelInputOptions.DEFAULTS);
        ModelInputs b = ModelInputs.from(image, ModelInputOptions.DEFAULTS);
        for (String name : InputStreams.NAMES) {
            assertThat(a.data(name)).containsExactly(b.data(name));
        }
    }

    @Test
    void greyIsCopiedToThreeChannelsAndSixteenBitSamplesAreSeenThroughTheirTopEightBits() {
        int[] grey = {0, 65535, 32768, 1};
        DecodedImage image = TestImages.planes(2, 2, 16, ColorType.GREY, new int[][] {grey});
        ModelInputs in = ModelInputs.from(image, ModelInputOptions.DEFAULTS);
        for (int c = 0; c < 3; c++) {
            assertThat(pixel(in, "pixels", 0, c, 1, 0)).isEqualTo(1f);
            assertThat(pixel(in, "pixels", 0, c, 0, 1)).isEqualTo(128 / 255f);
            assertThat(pixel(in, "lsb", 0, c, 1, 0)).isEqualTo(1f); // 65535 >> 8 = 255
            assertThat(pixel(in, "lsb", 0, c, 1, 1)).isEqualTo(0f); // 1 >> 8 = 0: the low byte is not the LSB
        }
    }

    @Test
    void aSixteenBitImageWithNoisyLowBytesGivesTheStreamsOfItsEightBitTwin() {
        int n = 40 * 30;
        int[] eight = IntStream.range(0, n).map(i -> (i * 37) & 0xFF).toArray();
        int[] sixteen = IntStream.range(0, n).map(i -> eight[i] << 8 | (i * 7919) & 0xFF).toArray();
        DecodedImage a = TestImages.planes(40, 30, 8, ColorType.RGB, new int[][] {eight, eight, eight});
        DecodedImage b = TestImages.planes(40, 30, 16, ColorType.RGB, new int[][] {sixteen, sixteen, sixteen});
        ModelInputs ia = ModelInputs.from(a, ModelInputOptions.DEFAULTS);
        ModelInputs ib = ModelInputs.from(b, ModelInputOptions.DEFAULTS);
        for (String name : InputStreams.NAMES) {
            assertThat(ib.data(name)).as(name).containsExactly(ia.data(name));
        }
    }

    @Test
    void theShortcutFreeStreamsAreTheSameWithNoAlphaAnOpaqueAlphaPlaneAndAddedMetadata() {
        int n = 70 * 70;
        int[] r = IntStream.range(0, n).map(i -> (i * 31) & 0xFF).toArray();
        int[] g = IntStream.range(0, n).map(i -> (i * 17 + 5) & 0xFF).toArray();
        int[] b = IntStream.range(0, n).map(i -> (i * 11 + 9) & 0xFF).toArray();
        int[] opaque = IntStream.range(0, n).map(i -> 255).toArray();
        DecodedImage rgb = TestImages.planes(70, 70, 8, ColorType.RGB, new int[][] {r, g, b});
        DecodedImage rgba = TestImages.planes(70, 70, 8, ColorType.RGBA, new int[][] {r, g, b, opaque});
        List<MetadataSegment> metadata = List.of(
                new MetadataSegment(MetadataSegment.Kind.EXIF, "eXIf", 0, "MM\0*Canon".getBytes(StandardCharsets.UTF_8)),
                new MetadataSegment(MetadataSegment.Kind.TEXT, "tEXt:parameters", 0,
                        "parameters\0a lighthouse, Steps: 30".getBytes(StandardCharsets.UTF_8)));
        DecodedImage tagged = new DecodedImage(rgba.format(), 70, 70, 8, ColorType.RGBA, rgba.planes(), null, null,
                false, metadata, rgba.frames(), rgba.imageEnd(), new byte[] {0, 0});
        ModelInputs plain = ModelInputs.from(rgb, ModelInputOptions.DEFAULTS);
        for (DecodedImage other : List.of(rgba, tagged)) {
            ModelInputs in = ModelInputs.from(other, ModelInputOptions.DEFAULTS);
            for (String name : InputStreams.SHORTCUT_FREE) {
                assertThat(in.data(name)).as(name).containsExactly(plain.data(name));
            }
        }
        // the legacy streams tell them apart: that is the shortcut the shortcut-free streams remove
        assertThat(ModelInputs.from(rgba, ModelInputOptions.DEFAULTS).data("alpha")).isNotEqualTo(plain.data("alpha"));
        assertThat(ModelInputs.from(rgba, ModelInputOptions.DEFAULTS).data("stats")).isNotEqualTo(plain.data("stats"));
        assertThat(ModelInputs.from(tagged, ModelInputOptions.DEFAULTS).data("meta")).isNotEqualTo(plain.data("meta"));
    }

    @Test
    void transparencyIsMaxMinusAlphaAndItsLsbSoAnEmbeddingInTheAlphaLsbStillShows() {
        int[] v = {10, 20, 30, 40};
        int[] a = {255, 254, 0, 1};
        DecodedImage rgba = TestImages.planes(2, 2, 8, ColorType.RGBA, new int[][] {v, v, v, a});
        ModelInputs in = ModelInputs.from(rgba, ModelInputOptions.DEFAULTS);
        assertThat(pixel(in, "transparency", 0, 0, 0, 0)).isEqualTo(0f);
        assertThat(pixel(in, "transparency", 0, 1, 0, 0)).isEqualTo(0f);
        assertThat(pixel(in, "transparency", 0, 0, 1, 0)).isEqualTo(1 / 255f);
        assertThat(pixel(in, "transparency", 0, 1, 1, 0)).isEqualTo(1f);
        assertThat(pixel(in, "transparency", 0, 0, 0, 1)).isEqualTo(1f);
        assertThat(pixel(in, "transparency", 0, 1, 0, 1)).isEqualTo(1f);
        float[] stats = in.data("tile_stats");
        assertThat(stats[13]).isEqualTo(0.5f); // 0, 1, 255, 254: two odd
        assertThat(stats[12]).isCloseTo((0 + 1 + 255 + 254) / 4f / 255f, within(1e-6f));
    }

    @Test
    void palettePairsIgnoreColoursGreynessAndAnyReorderingThatKeepsPairsTogether() {
        int[] indices = IntStream.range(0, 64 * 64).map(i -> (i * 7 + i / 64) % 6).toArray();
        int[] colours = {0x102030, 0x405060, 0x708090, 0xA0B0C0, 0xD0E0F0, 0xFFFFFF};
        int[] greys = {0x000000, 0x333333, 0x666666, 0x999999, 0xCCCCCC, 0xFFFFFF};
        // pair 0 -> pair 2 swapped, pair 1 -> pair 0, pair 2 -> pair 1 swapped
        int[] map = {5, 4, 0, 1, 3, 2};
        int[] moved = new int[6];
        for (int i = 0; i < 6; i++) {
            moved[map[i]] = colours[i];
        }
        int[] remapped = IntStream.of(indices).map(i -> map[i]).toArray();
        float[] a = PalettePairs.of(TestImages.indexed(64, 64, new Palette(colours, null), indices));
        float[] b = PalettePairs.of(TestImages.indexed(64, 64, new Palette(greys, null), indices));
        float[] c = PalettePairs.of(TestImages.indexed(64, 64, new Palette(moved, null), remapped));
        assertThat(b).containsExactly(a);
        assertThat(c).containsExactly(a);
        assertThat(a[256]).isEqualTo(6 / 256f);
        assertThat(a[257]).isEqualTo(1f);
        assertThat(a[0] + a[2] + a[4]).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void alphaStreamHoldsScaledAlphaAndItsLsbOrZeros() {
        int[] v = {10, 20, 30, 40};
        int[] a = {255, 254, 0, 1};
        DecodedImage rgba = TestImages.planes(2, 2, 8, ColorType.RGBA, new int[][] {v, v, v, a});
        ModelInputs in = ModelInputs.from(rgba, ModelInputOptions.DEFAULTS);
        assertThat(pixel(in, "alpha", 0, 0, 1, 0)).isEqualTo(254 / 255f);
        assertThat(pixel(in, "alpha", 0, 1, 0, 0)).isEqualTo(1f);
        assertThat(pixel(in, "alpha", 0, 1, 1, 0)).isEqualTo(0f);
        assertThat(stat(in, 0, 12)).isEqualTo(1f);
        assertThat(stat(in, 0, 13)).isEqualTo(0.5f);

        ModelInputs opaque = ModelInputs.from(TestImages.rgb(2, 2, (x, y) -> 9), ModelInputOptions.DEFAULTS);
        assertThat(opaque.data("alpha")).containsOnly(0f);
        assertThat(stat(opaque, 0, 12)).isEqualTo(0f);
    }

    @Test
    void indexedImagesShowPaletteColoursIndexLsbsAndThePaletteVector() {
        Palette palette = new Palette(new int[] {0x000000, 0xFF8000, 0x808080, 0xFFFFFF}, null);
        int[] indices = {1, 1, 2, 3};
        ModelInputs in = ModelInputs.from(TestImages.indexed(2, 2, palette, indices), ModelInputOptions.DEFAULTS);
        assertThat(pixel(in, "pixels", 0, 0, 0, 0)).isEqualTo(1f);
        assertThat(pixel(in, "pixels", 0, 1, 0, 0)).isEqualTo(128 / 255f);
        assertThat(pixel(in, "pixels", 0, 2, 0, 0)).isEqualTo(0f);
        for (int c = 0; c < 3; c++) {
            assertThat(pixel(in, "lsb", 0, c, 0, 1)).isEqualTo(0f); // index 2
            assertThat(pixel(in, "lsb", 0, c, 1, 1)).isEqualTo(1f); // index 3
        }
        float[] p = in.data("palette");
        assertThat(p[3]).isEqualTo(1f);
        assertThat(p[4]).isEqualTo(128 / 255f);
        assertThat(p[12]).isEqualTo(0f); // past the palette's end
        assertThat(p[768 + 1]).isEqualTo(0.5f);
        assertThat(p[768 + 3]).isEqualTo(0.25f);
        assertThat(p[1024]).isEqualTo(4 / 256f);
        assertThat(p[1025]).isEqualTo(0f);

        ModelInputs rgb = ModelInputs.from(TestImages.rgb(2, 2, (x, y) -> 9), ModelInputOptions.DEFAULTS);
        assertThat(rgb.data("palette")).containsOnly(0f);
    }

    @Test
    void imageLevelStreamsRepeatOnEveryRow() {
        ModelInputs in = ModelInputs.from(TestImages.rgb(130, 10, (x, y) -> x & 0xFF), ModelInputOptions.DEFAULTS);
        float[] meta = in.data("meta");
        assertThat(in.rows()).isEqualTo(3);
        for (int r = 1; r < 3; r++) {
            for (int i = 0; i < 264; i++) {
                assertThat(meta[r * 264 + i]).isEqualTo(meta[i]);
            }
        }
    }

    @Test
    void metaStreamDescribesMetadataAndTrailerBytes() {
        byte[] exif = {'M', 'M', 0, 42};
        byte[] trailer = "PK".getBytes(StandardCharsets.US_ASCII);
        DecodedImage image = TestImages.withExtras(TestImages.rgb(4, 4, (x, y) -> 1),
                List.of(new MetadataSegment(MetadataSegment.Kind.EXIF, "eXIf", 33, exif)), trailer);
        float[] m = ModelInputs.from(image, ModelInputOptions.DEFAULTS).data("meta");
        assertThat(m['M']).isEqualTo(2 / 6f);
        assertThat(m[0]).isEqualTo(1 / 6f);
        assertThat(m['P']).isEqualTo(1 / 6f);
        assertThat(m[256]).isEqualTo((float) (Math.log(5) / 16));
        assertThat(m[257]).isEqualTo((float) (Math.log(3) / 16));
        assertThat(m[258]).isEqualTo(1f);
        assertThat(m[259]).isEqualTo(1f);
        assertThat(m[260]).isEqualTo(1 / 8f); // two distinct bytes: 1 bit per byte
        assertThat(m[261]).isEqualTo(1 / 16f);
        assertThat(m[262]).isEqualTo(0f);
        assertThat(m[263]).isEqualTo(1f);

        float[] none = ModelInputs.from(TestImages.rgb(4, 4, (x, y) -> 1), ModelInputOptions.DEFAULTS).data("meta");
        assertThat(none).containsOnly(0f);
    }

    @Test
    void statsSeeLsbBalanceAndPairAsymmetry() {
        // tile of all 100: pairs (100,101) fully unbalanced; half 100 half 101: balanced, as after LSB replacement
        ModelInputs even = ModelInputs.from(TestImages.rgb(64, 64, (x, y) -> 100), ModelInputOptions.DEFAULTS);
        ModelInputs mixed = ModelInputs.from(TestImages.rgb(64, 64, (x, y) -> 100 + (x & 1)), ModelInputOptions.DEFAULTS);
        for (int c = 0; c < 3; c++) {
            assertThat(stat(even, 0, 4 * c + 2)).isEqualTo(0f);
            assertThat(stat(even, 0, 4 * c + 3)).isEqualTo(1f);
            assertThat(stat(mixed, 0, 4 * c + 2)).isEqualTo(0.5f);
            assertThat(stat(mixed, 0, 4 * c + 3)).isEqualTo(0f);
        }
        assertThat(stat(even, 0, 15)).isEqualTo(0f);
    }

    @Test
    void onlyTheRequestedStreamsAreBuiltAndAblationUsesTheNeutralValue() {
        DecodedImage image = TestImages.rgb(70, 70, (x, y) -> 77);
        ModelInputs in = ModelInputs.from(image, ModelInputOptions.DEFAULTS, List.of("lsb", "stats"));
        assertThat(in.names()).containsExactly("lsb", "stats");
        ModelInputs ablated = in.withNeutral("lsb");
        assertThat(ablated.data("lsb")).hasSize(in.data("lsb").length).containsOnly(0f);
        assertThat(ablated.data("stats")).isSameAs(in.data("stats"));
        assertThat(InputStreams.specs(T)).extracting(StreamSpec::neutral).containsOnly(0f);
        assertThat(InputStreams.specs(T)).extracting(StreamSpec::toString).containsExactly("pixels[N, 3, 64, 64]",
                "lsb[N, 3, 64, 64]", "alpha[N, 2, 64, 64]", "palette[N, 1026]", "meta[N, 264]", "stats[N, 16]",
                "transparency[N, 2, 64, 64]", "palette_pairs[N, 258]", "tile_stats[N, 16]");
    }
}
