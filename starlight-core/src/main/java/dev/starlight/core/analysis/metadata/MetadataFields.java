package dev.starlight.core.analysis.metadata;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.meta.ExifFields;
import dev.starlight.codecs.image.meta.PngText;
import dev.starlight.codecs.image.meta.XmpPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text-bearing values of an image's metadata, each with its {@link MetadataField.Role}: EXIF text tags, XMP
 * property values, JPEG COM and GIF comments, PNG text chunks. Values that hold encoded data by design are left out:
 * ImageMagick's hex-dumped {@code Raw profile type} chunks and XMP properties that carry base64 images, depth maps
 * or audio (Google camera and extended-XMP properties).
 */
public final class MetadataFields {
    /** EXIF tags that hold one-line comments; the others (ImageDescription, Artist, Copyright) hold longer text. */
    private static final Set<String> EXIF_CAPTIONS = Set.of("XPComment", "XPTitle", "XPSubject", "XPKeywords");

    /** XMP properties that carry base64 images or binary data by design (thumbnails, depth maps, audio). */
    private static final List<String> XMP_BINARY = List.of("xmpGImg:image", "GImage:Data", "GDepth:Data",
            "GDepth:Confidence", "GAudio:Data", "xmpNote:HasExtendedXMP", "GCamera:");

    private MetadataFields() {
    }

    public static List<MetadataField> of(DecodedImage image) {
        List<MetadataField> fields = new ArrayList<>();
        for (MetadataSegment m : image.metadata()) {
            switch (m.kind()) {
                case EXIF -> exif(m.data(), fields);
                case XMP -> xmp(XmpPacket.read(m), m.key(), fields);
                case COMMENT -> comment(m, fields);
                case TEXT -> png(m, fields);
                default -> {
                }
            }
        }
        return fields;
    }

    /** A comment, or the XMP packet that some editors (GIMP among them) store in a JPEG COM segment. */
    private static void comment(MetadataSegment m, List<MetadataField> fields) {
        String text = new String(m.data(), StandardCharsets.UTF_8);
        if (text.contains("<x:xmpmeta") || text.contains("<?xpacket")) {
            xmp(XmpPacket.of(text), m.key(), fields);
        } else {
            fields.add(new MetadataField("comment " + m.key(), MetadataField.Role.CAPTION, m.data()));
        }
    }

    private static void exif(byte[] tiff, List<MetadataField> fields) {
        for (ExifFields.Field f : ExifFields.textFields(tiff)) {
            boolean caption = f.name().startsWith("UserComment") || EXIF_CAPTIONS.contains(f.name());
            fields.add(new MetadataField("EXIF " + f.name(),
                    caption ? MetadataField.Role.CAPTION : MetadataField.Role.DOCUMENT, f.value()));
        }
    }

    private static void png(MetadataSegment m, List<MetadataField> fields) {
        PngText chunk = PngText.read(PngText.Chunk.ofKey(m.key()), m.data());
        if (chunk.keyword().startsWith("Raw profile type")) {
            return;
        }
        fields.add(new MetadataField(m.key(), MetadataField.Role.DOCUMENT,
                chunk.text().getBytes(chunk.international() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)));
    }

    private static void xmp(XmpPacket xmp, String key, List<MetadataField> fields) {
        for (XmpPacket.Property p : xmp.properties()) {
            if (XMP_BINARY.stream().noneMatch(p.name()::startsWith)) {
                MetadataField.Role role = p.name().endsWith("UserComment") ? MetadataField.Role.CAPTION
                        : MetadataField.Role.DOCUMENT;
                fields.add(new MetadataField("XMP " + p.name() + " (" + key + ")", role,
                        p.value().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
