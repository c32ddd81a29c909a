package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.Palette;

/** Shared palette helpers of the palette detectors. */
final class PaletteStats {
    private PaletteStats() {
    }

    /** Why the palette detectors cannot run on this image, or null. */
    static String whyNot(DecodedImage image) {
        if (!image.isIndexed() || image.palette() == null || image.indices() == null) {
            return "not an indexed image (" + image.format().label() + " " + image.colorType() + ")";
        }
        return null;
    }

    /** Pixels per palette entry; indices past the palette are ignored. */
    static int[] usage(DecodedImage image) {
        int size = image.palette().size();
        int[] counts = new int[size];
        for (int idx : image.indices()) {
            if (idx >= 0 && idx < size) {
                counts[idx]++;
            }
        }
        return counts;
    }

    /** Euclidean RGB distance between entries a and b. */
    static double distance(Palette p, int a, int b) {
        int dr = p.red(a) - p.red(b);
        int dg = p.green(a) - p.green(b);
        int db = p.blue(a) - p.blue(b);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
