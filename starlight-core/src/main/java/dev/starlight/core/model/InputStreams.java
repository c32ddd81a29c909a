package dev.starlight.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The named input streams a Starlight model may declare, and their shapes. The trainer and the runner both build
 * them with {@link ModelInputs#from}, so a trained model and the detector always agree.
 *
 * <p>Every stream has batch size N = the number of tiles taken from the image (see {@link TileGrid}); image-level
 * streams ({@code palette}, {@code meta}, {@code palette_pairs}) repeat the same vector on every row, so an ONNX graph
 * can combine any streams row by row without broadcasting tricks. All neutral values are 0.
 *
 * <p>Samples deeper than 8 bits (16-bit PNG) are seen through their top 8 bits, so every stream reads the same
 * 0..255 scale the models are trained on (the low byte of a 16-bit sample is sensor or resampling noise, which
 * would look like a fully embedded LSB plane).
 *
 * <p>Two families of streams. The <b>legacy</b> streams ({@link #LEGACY}: {@code alpha}, {@code palette},
 * {@code meta}, {@code stats}) are still built for models that declare them, but let a model learn what is not
 * embedding: {@code meta} tells whether and how much metadata a file has, {@code alpha} and {@code stats} tell
 * whether there is an alpha plane, {@code palette} tells palette order and greyness. The <b>shortcut-free</b>
 * streams ({@link #SHORTCUT_FREE}, the trainer's default) see only samples, and are the same by construction for an
 * image with no alpha and the same image with an opaque alpha plane, with or without any metadata, and (for
 * {@code palette_pairs}) under any palette reordering that keeps the index pairs (2k, 2k+1) together.
 *
 * <table>
 *   <caption>Streams for tile size T</caption>
 *   <tr><th>name</th><th>row shape</th><th>content</th></tr>
 *   <tr><td>{@code pixels}</td><td>[3,T,T]</td><td>R,G,B scaled to 0..1 (by the maximum sample; 255 for palette
 *       colours); grey is copied to the three channels; indexed images use the palette-expanded colours</td></tr>
 *   <tr><td>{@code lsb}</td><td>[3,T,T]</td><td>stored sample &amp; 1 of R,G,B; grey copied to three channels;
 *       for indexed images the palette index &amp; 1 on all three channels</td></tr>
 *   <tr><td>{@code alpha}</td><td>[2,T,T]</td><td>alpha scaled to 0..1, and alpha &amp; 1; zeros when the image has no
 *       alpha (the has-alpha flag is in {@code stats})</td></tr>
 *   <tr><td>{@code palette}</td><td>[1026]</td><td>see {@link PaletteVector}; zeros unless indexed</td></tr>
 *   <tr><td>{@code meta}</td><td>[264]</td><td>see {@link MetaVector}</td></tr>
 *   <tr><td>{@code stats}</td><td>[16]</td><td>see {@link TileStatistics}</td></tr>
 *   <tr><td>{@code transparency}</td><td>[2,T,T]</td><td>255 − alpha scaled to 0..1, and (255 − alpha) &amp; 1;
 *       zeros without alpha, so an opaque alpha plane reads as no alpha</td></tr>
 *   <tr><td>{@code palette_pairs}</td><td>[258]</td><td>see {@link PalettePairs}; zeros unless indexed</td></tr>
 *   <tr><td>{@code tile_stats}</td><td>[16]</td><td>{@code stats} with transparency in place of alpha: see
 *       {@link TileStatistics}</td></tr>
 * </table>
 *
 * <p>Tiles past the right or bottom edge are padded by edge replication (the last column / row repeats).
 */
public final class InputStreams {
    public static final String PIXELS = "pixels";
    public static final String LSB = "lsb";
    public static final String ALPHA = "alpha";
    public static final String PALETTE = "palette";
    public static final String META = "meta";
    public static final String STATS = "stats";
    public static final String TRANSPARENCY = "transparency";
    public static final String PALETTE_PAIRS = "palette_pairs";
    public static final String TILE_STATS = "tile_stats";

    /** All stream names in canonical order (the order of gate values when a model does not name them). */
    public static final List<String> NAMES = List.of(PIXELS, LSB, ALPHA, PALETTE, META, STATS, TRANSPARENCY,
            PALETTE_PAIRS, TILE_STATS);

    /** The streams of models trained before the shortcut-free streams (still served to such models). */
    public static final List<String> LEGACY = List.of(PIXELS, LSB, ALPHA, PALETTE, META, STATS);

    /** The streams the trainer uses by default: samples only, no metadata, no alpha presence, no palette order. */
    public static final List<String> SHORTCUT_FREE = List.of(PIXELS, LSB, TRANSPARENCY, PALETTE_PAIRS, TILE_STATS);

    /** The value of an ablated stream. */
    public static final float NEUTRAL = 0f;

    private InputStreams() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The specs of all streams for tiles of {@code tileSize}², in {@link #NAMES} order. */
    public static List<StreamSpec> specs(int tileSize) {
        return NAMES.stream().map(n -> spec(n, tileSize).orElseThrow()).toList();
    }

    /** The spec of one stream, or empty when the name is not a stream. */
    public static Optional<StreamSpec> spec(String name, int tileSize) {
        int t = tileSize;
        return Optional.ofNullable(switch (name) {
            case PIXELS, LSB -> new StreamSpec(name, new int[] {3, t, t}, NEUTRAL);
            case ALPHA, TRANSPARENCY -> new StreamSpec(name, new int[] {2, t, t}, NEUTRAL);
            case PALETTE -> new StreamSpec(name, new int[] {PaletteVector.LENGTH}, NEUTRAL);
            case META -> new StreamSpec(name, new int[] {MetaVector.LENGTH}, NEUTRAL);
            case PALETTE_PAIRS -> new StreamSpec(name, new int[] {PalettePairs.LENGTH}, NEUTRAL);
            case STATS, TILE_STATS -> new StreamSpec(name, new int[] {TileStatistics.LENGTH}, NEUTRAL);
            default -> null;
        });
    }
}
