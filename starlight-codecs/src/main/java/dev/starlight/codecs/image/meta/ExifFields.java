package dev.starlight.codecs.image.meta;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text-bearing tags of a TIFF/EXIF block, read through metadata-extractor (whose own reader checks every
 * offset; it keeps what it read before damage, so a damaged block gives the fields before the damage, and a
 * block it cannot read at all gives none).
 */
public final class ExifFields {
    private static final int TAG_USER_COMMENT = 0x9286;
    private static final int TAG_IMAGE_DESCRIPTION = 0x010E;
    private static final int TAG_ARTIST = 0x013B;
    private static final int TAG_COPYRIGHT = 0x8298;
    private static final int[] TAGS_XP = {0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F};
    private static final String[] XP_NAMES = {"XPTitle", "XPComment", "XPAuthor", "XPKeywords", "XPSubject"};

    /**
     * One text tag's value.
     *
     * @param name  the tag's name: {@code UserComment (ASCII)} (with the charset it declares),
     *              {@code ImageDescription}, {@code Artist}, {@code Copyright}, {@code XPTitle}, {@code XPComment},
     *              {@code XPAuthor}, {@code XPKeywords}, {@code XPSubject}
     * @param value the raw bytes of the value; the comment's message for UserComment, UTF-8 for the Windows
     *              {@code XP} tags (stored as UTF-16LE)
     */
    public record Field(String name, byte[] value) {
    }

    private ExifFields() {
    }

    /**
     * Every text tag of every directory, directory by directory, in the order UserComment (left out when blank),
     * ImageDescription, Artist, Copyright, then the XP tags.
     */
    public static List<Field> textFields(byte[] tiff) {
        boolean bigEndian = isBigEndian(tiff);
        List<Field> fields = new ArrayList<>();
        for (Directory dir : parse(tiff).getDirectories()) {
            byte[] comment = dir.getByteArray(TAG_USER_COMMENT);
            if (comment != null) {
                ExifComment c = ExifComment.decode(comment, bigEndian);
                if (!c.isBlank()) {
                    fields.add(new Field("UserComment (" + c.charset() + ")", c.message()));
                }
            }
            add(dir, TAG_IMAGE_DESCRIPTION, "ImageDescription", fields);
            add(dir, TAG_ARTIST, "Artist", fields);
            add(dir, TAG_COPYRIGHT, "Copyright", fields);
            for (int i = 0; i < TAGS_XP.length; i++) {
                byte[] xp = dir.getByteArray(TAGS_XP[i]);
                if (xp != null) {
                    String s = new String(xp, StandardCharsets.UTF_16LE).replace("\0", "");
                    fields.add(new Field(XP_NAMES[i], s.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return fields;
    }

    private static void add(Directory dir, int tag, String name, List<Field> fields) {
        byte[] raw = dir.getByteArray(tag);
        if (raw != null) {
            fields.add(new Field(name, ExifComment.stripTrailingNuls(raw)));
        }
    }

    /** What metadata-extractor read of the block; whatever it throws ends the reading, not the caller. */
    static Metadata parse(byte[] tiff) {
        Metadata metadata = new Metadata();
        try {
            new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
        } catch (RuntimeException e) {
            // metadata-extractor keeps the directories it read before the damage
        }
        return metadata;
    }

    /** A TIFF header starting {@code MM} is big-endian, {@code II} little-endian. */
    static boolean isBigEndian(byte[] tiff) {
        return tiff.length >= 2 && tiff[0] == 'M';
    }
}
