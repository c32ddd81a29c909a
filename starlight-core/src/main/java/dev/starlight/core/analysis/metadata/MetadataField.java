package dev.starlight.core.analysis.metadata;

/**
 * One text-bearing metadata value, as the metadata policy judges it.
 *
 * @param where where it was read, as reported: {@code EXIF UserComment (ASCII)}, {@code COM}, {@code tEXt:parameters},
 *              {@code XMP dc:description (APP1)} ...
 * @param role  what real files keep in such a field, which decides how much plain text it may hold
 * @param value the value's bytes (UTF-8 for text read from XMP, UTF-16 EXIF tags and iTXt)
 */
public record MetadataField(String where, Role role, byte[] value) {

    /** What real software keeps in a field. */
    public enum Role {
        /**
         * A one-line comment or caption: EXIF UserComment and the Windows XP tags, JPEG COM, GIF comments. Real
         * values are short single lines (camera defaults, editor names, captions); a long or multi-line text there
         * is a form they do not have.
         */
        CAPTION,
        /**
         * A field where long text is ordinary: PNG text chunks (prompts, workflows, licences, descriptions), XMP
         * properties, EXIF ImageDescription, Artist and Copyright. Plain text there never decides a verdict.
         */
        DOCUMENT
    }
}
