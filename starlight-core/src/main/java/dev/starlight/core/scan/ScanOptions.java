package dev.starlight.core.scan;

import dev.starlight.codecs.image.ImageLimits;

/**
 * How the scanner works.
 *
 * @param limits  decoding limits (bytes, pixels, decompression ratio)
 * @param extract whether to return recovered messages in {@code ScanResult.payload} (detection runs either way)
 */
public record ScanOptions(ImageLimits limits, boolean extract) {
    public static final ScanOptions DEFAULT = new ScanOptions(ImageLimits.DEFAULT, true);

    public ScanOptions withExtract(boolean value) {
        return new ScanOptions(limits, value);
    }
}
