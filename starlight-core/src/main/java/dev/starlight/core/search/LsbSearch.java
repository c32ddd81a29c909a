package dev.starlight.core.search;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extraction by search, like zsteg: reads the low bits of a lossless image in the layouts real tools use and keeps
 * what a recogniser accepts. First the formats of known tools on their own layout (steggy's hash, stepic's stop
 * bits, npm lsb's length), then every {@link LsbLayout} (channel sets and orders, 1 and 2 bits, row- and
 * column-major, both bit packings) through {@link StreamRecogniser}. Lossy images are skipped: their samples are a
 * decoder's output, not stored bits.
 */
public final class LsbSearch {
    private static final String SEQUENTIAL = "lsb.seq ";

    private LsbSearch() {
    }

    /** The first message found, or empty. */
    public static Optional<Recognised> find(DecodedImage image) {
        if (image.lossy() || image.pixelCount() == 0) {
            return Optional.empty();
        }
        if (image.colorType() == ColorType.RGB || image.colorType() == ColorType.RGBA) {
            int[][] p = image.planes();
            LayoutBits rgb = new LayoutBits(new int[][] {p[0], p[1], p[2]}, image.width(), image.height(),
                    new LsbLayout("rgb", 1, false, true));
            StreamRecogniser.Found f = SteggyFormat.read(rgb);
            if (f != null) {
                return Optional.of(new Recognised(SteggyFormat.NAME, "rgb", true, f.what(), f.payload(), f.confidence()));
            }
            f = StepicFormat.read(rgb);
            if (f != null) {
                return Optional.of(new Recognised(StepicFormat.NAME, "rgb", true, f.what(), f.payload(), f.confidence()));
            }
            f = NpmLsbFormat.read(rgb);
            if (f != null) {
                return Optional.of(new Recognised(NpmLsbFormat.NAME, "rgb", true, f.what(), f.payload(), f.confidence()));
            }
        }
        for (LsbLayout layout : layouts(image)) {
            LayoutBits bits = new LayoutBits(planes(image, layout.channels()), image.width(), image.height(), layout);
            StreamRecogniser.Found f = StreamRecogniser.read(bits.bytes());
            if (f != null) {
                return Optional.of(new Recognised(SEQUENTIAL + layout.label(), layout.channels(), layout.msbFirst(),
                        f.what(), f.payload(), f.confidence()));
            }
        }
        return Optional.empty();
    }

    /** Every layout the search tries on this image. */
    public static List<LsbLayout> layouts(DecodedImage image) {
        List<String> sets = channelSets(image);
        List<LsbLayout> out = new ArrayList<>(sets.size() * 8);
        for (String channels : sets) {
            for (int bits = 1; bits <= 2; bits++) {
                if (bits == 2 && (channels.equals("abgr") || channels.equals("bgra"))) {
                    continue; // two bits of four channels is one pixel a byte: these are rgba and argb, packed the other way
                }
                for (boolean columnMajor : new boolean[] {false, true}) {
                    for (boolean msbFirst : new boolean[] {true, false}) {
                        out.add(new LsbLayout(channels, bits, columnMajor, msbFirst));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> channelSets(DecodedImage image) {
        if (image.isIndexed()) {
            return List.of("index");
        }
        ColorType type = image.colorType();
        if (type == ColorType.GREY) {
            return List.of("y");
        }
        if (type == ColorType.GREY_ALPHA) {
            return List.of("y", "a", "ya");
        }
        if (type == ColorType.RGB) {
            return List.of("rgb", "bgr", "r", "g", "b");
        }
        return List.of("rgb", "bgr", "rgba", "argb", "abgr", "bgra", "r", "g", "b", "a");
    }

    private static int[][] planes(DecodedImage image, String channels) {
        if (channels.equals("index")) {
            return new int[][] {image.indices()};
        }
        int[][] p = image.planes();
        boolean grey = image.colorType() == ColorType.GREY || image.colorType() == ColorType.GREY_ALPHA;
        int[][] out = new int[channels.length()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (channels.charAt(i)) {
                case 'r', 'y' -> p[0];
                case 'g' -> p[1];
                case 'b' -> p[2];
                case 'a' -> p[grey ? 1 : 3];
                default -> throw new IllegalArgumentException("unknown channel " + channels.charAt(i));
            };
        }
        return out;
    }
}
