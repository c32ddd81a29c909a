package dev.starlight.codecs.image;

import java.util.List;

/**
 * One decoded image with everything steganalysis needs, exactly as stored.
 *
 * <p>Samples are kept per plane, row-major, one {@code int} per sample, at the stored bit depth: a 16-bit PNG
 * gives 0..65535, a 1-bit PNG 0..1. Lossless containers give exactly the stored values (no colour management,
 * no premultiplied alpha, no gamma). For {@link ColorType#INDEXED} the stored samples are {@link #indices()};
 * {@link #planes()} then holds the palette expanded to red, green, blue (and alpha as a fourth plane when the
 * palette has transparency), so code that only wants colours can ignore the palette.
 *
 * @param format      the container
 * @param width       pixels per row (of frame 0 for GIF)
 * @param height      rows
 * @param bitDepth    bits per stored sample (per index for indexed images)
 * @param colorType   plane layout
 * @param planes      colour planes (see {@link ColorType}); alpha, when present, is the last plane
 * @param palette     the colour table, null unless indexed
 * @param indices     palette index per pixel, null unless indexed
 * @param lossy       true for JPEG and lossy WebP: samples are the decoder's output, not stored values
 * @param metadata    the container's metadata blocks in file order
 * @param frames      all frames of the container (one entry for single-frame formats)
 * @param imageEnd    file offset just past the end of the image (after PNG IEND+CRC, the last JPEG FFD9, the GIF
 *                    trailer 0x3B, the RIFF length of WebP, the BMP file size)
 * @param trailer     the bytes from {@code imageEnd} to the end of the file (empty when none)
 * @param warnings    what the decoder tolerated to open the file (truncation filled, stray bytes skipped, ...);
 *                    empty for a clean file
 */
public record DecodedImage(
        ImageFormat format,
        int width,
        int height,
        int bitDepth,
        ColorType colorType,
        int[][] planes,
        Palette palette,
        int[] indices,
        boolean lossy,
        List<MetadataSegment> metadata,
        List<FrameInfo> frames,
        long imageEnd,
        byte[] trailer,
        List<DecodeWarning> warnings) {

    public DecodedImage {
        metadata = List.copyOf(metadata);
        frames = List.copyOf(frames);
        trailer = trailer == null ? new byte[0] : trailer;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An image decoded without warnings. */
    public DecodedImage(ImageFormat format, int width, int height, int bitDepth, ColorType colorType, int[][] planes,
                        Palette palette, int[] indices, boolean lossy, List<MetadataSegment> metadata,
                        List<FrameInfo> frames, long imageEnd, byte[] trailer) {
        this(format, width, height, bitDepth, colorType, planes, palette, indices, lossy, metadata, frames, imageEnd,
                trailer, List.of());
    }

    /** A copy with these warnings added. */
    public DecodedImage withWarnings(List<DecodeWarning> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<DecodeWarning> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new DecodedImage(format, width, height, bitDepth, colorType, planes, palette, indices, lossy, metadata,
                frames, imageEnd, trailer, all);
    }

    /** True when the file ended before the image and the rest was filled. */
    public boolean truncated() {
        return warnings.stream().anyMatch(w -> w.code().equals(DecodeWarning.TRUNCATED));
    }

    public int pixelCount() {
        return width * height;
    }

    /** Maximum sample value at this bit depth (255 for 8-bit). */
    public int maxSample() {
        return (1 << bitDepth) - 1;
    }

    /** True when there is an alpha plane (stored alpha, or palette transparency expanded). */
    public boolean hasAlpha() {
        return alphaPlane() != null;
    }

    /** The alpha plane, or null. */
    public int[] alphaPlane() {
        if (colorType == ColorType.INDEXED) {
            return planes.length == 4 ? planes[3] : null;
        }
        return colorType.hasAlpha() ? planes[planes.length - 1] : null;
    }

    /** The colour planes without alpha: grey alone, or red, green, blue. */
    public int[][] colourPlanes() {
        if (colorType == ColorType.GREY || colorType == ColorType.GREY_ALPHA) {
            return new int[][] {planes[0]};
        }
        return new int[][] {planes[0], planes[1], planes[2]};
    }

    /** A copy with other samples (same size and layout); for indexed images the planes are re-expanded. */
    public DecodedImage withSamples(int[][] newPlanes, int[] newIndices) {
        return new DecodedImage(format, width, height, bitDepth, colorType, newPlanes, palette, newIndices, lossy,
                metadata, frames, imageEnd, trailer, warnings);
    }

    public boolean isIndexed() {
        return colorType == ColorType.INDEXED;
    }

    @Override
    public String toString() {
        return "DecodedImage[" + format + " " + width + "x" + height + " " + colorType + " " + bitDepth + "-bit"
                + (lossy ? " lossy" : "") + ", " + metadata.size() + " metadata, trailer " + trailer.length + "]";
    }
}
