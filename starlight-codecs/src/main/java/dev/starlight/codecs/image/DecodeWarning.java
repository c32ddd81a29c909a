package dev.starlight.codecs.image;

/**
 * Something a decoder tolerated in a file that other decoders also open, said so the result can show it: the
 * file ended early and the rest was filled, stray bytes between JPEG segments were skipped, a GIF without a colour
 * table was shown with the default one.
 *
 * @param code   a stable short name: {@value #TRUNCATED}, {@value #STRAY_BYTES}, {@value #DEFAULT_PALETTE},
 *               {@value #EMBEDDED_STREAM}
 * @param detail what was seen and where
 */
public record DecodeWarning(String code, String detail) {
    /** The data ends before the image does; what was there is decoded, the rest filled. */
    public static final String TRUNCATED = "truncated";
    /** Bytes that are not a marker between JPEG segments were skipped. */
    public static final String STRAY_BYTES = "stray-bytes";
    /** A GIF frame with no colour table was given the default palette. */
    public static final String DEFAULT_PALETTE = "default-palette";
    /** A BMP holds a JPEG or PNG stream (BI_JPEG, BI_PNG); the pixels are that stream's. */
    public static final String EMBEDDED_STREAM = "embedded-stream";
}
