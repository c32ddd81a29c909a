package dev.starlight.codecs.image;

/**
 * One metadata block of the container, with its raw bytes and where they start in the file.
 *
 * @param kind    what the block holds
 * @param key     the container's own name for it: {@code "APP1"}, {@code "eXIf"}, {@code "tEXt:Comment"},
 *                {@code "EXIF"} (WebP chunk), {@code "COM"}, {@code "GIF comment"}, ...
 * @param offset  file offset of {@code data[0]}
 * @param data    the payload of the block, without the container's framing (for JPEG APP1 EXIF: starting
 *                at the TIFF header, after {@code Exif\0\0}; for PNG text chunks: keyword, separator and text
 *                exactly as stored)
 */
public record MetadataSegment(Kind kind, String key, long offset, byte[] data) {

    public enum Kind { EXIF, XMP, ICC, COMMENT, TEXT, OTHER }

    @Override
    public String toString() {
        return "MetadataSegment[" + kind + " " + key + " @" + offset + ", " + data.length + " bytes]";
    }
}
