package dev.starlight.codecs.image;

/**
 * Writes one container. The embedders use it to change samples or metadata while keeping everything else of
 * the original file (other chunks, metadata, trailer) byte-for-byte where the format allows.
 */
public interface ImageWriter {

    ImageFormat format();

    /**
     * The original file with its stored samples (planes, or indices for indexed images) replaced by those of
     * {@code modified}, which must have the original's size, layout and bit depth. Chunks, metadata and the
     * trailer are kept. Lossy containers throw {@code METHOD_NOT_APPLICABLE}.
     */
    byte[] replaceSamples(byte[] original, DecodedImage modified);

    /**
     * The original file with its EXIF block replaced by {@code tiff} (a TIFF structure starting at its
     * byte-order mark {@code II*\0} or {@code MM\0*}), or with one added where there was none.
     * Containers without an EXIF block (GIF, BMP) throw {@code METHOD_NOT_APPLICABLE}.
     */
    byte[] replaceExif(byte[] original, byte[] tiff);

    /** Encodes {@code image} as a new file (lossless formats exactly; JPEG at high quality). */
    byte[] encode(DecodedImage image);
}
