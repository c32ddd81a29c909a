package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.meta.ExifFields;
import dev.starlight.codecs.image.meta.PngText;
import dev.starlight.codecs.image.meta.XmpPacket;
import dev.starlight.core.Evidence;
import dev.starlight.core.protocol.MessageScore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text and blobs hidden in metadata fields: EXIF comment-like tags, XMP properties, JPEG COM, PNG text chunks, GIF
 * comments. Ordinary values (camera names, software, dates, short titles, editor XMP, ICC profiles) score low;
 * long free text in a comment-like field, or a base64/hex/high-entropy blob, scores high. The evidence reports the
 * strongest field found. The fields are read by {@code dev.starlight.codecs.image.meta}; this class only judges them.
 */
public final class MetadataTextDetector extends SingleEvidenceDetector {
    static final String FAMILY = "meta";
    /** Free text this long in a field meant for comments is a message, not a caption. */
    static final int LONG_TEXT = 64;
    /** Values shorter than this in XMP are ordinary (flags, dates, short names). */
    private static final int XMP_MIN_TEXT = 16;

    /** EXIF tags that hold names rather than free text: ordinary values there are longer. */
    private static final Set<String> EXIF_NAME_TAGS = Set.of("Artist", "Copyright", "XPAuthor");

    /** Comments that common encoders write by themselves. */
    private static final List<String> GENERATOR_COMMENTS = List.of("creator: gd-jpeg", "created with gimp",
            "optimized by jpegmini", "lead technologies", "intel(r) jpeg library", "applemark", "file source:",
            "handmade software", "compressed by jpeg-recompress", "ducky");

    /** XMP properties that carry base64 images or binary data by design (thumbnails, depth maps, audio). */
    private static final List<String> XMP_BINARY = List.of("xmpGImg:image", "GImage:Data", "GDepth:Data",
            "GDepth:Confidence", "GAudio:Data", "xmpNote:HasExtendedXMP", "GCamera:");

    /** The strongest finding so far. Scores are compared; the first of equal scores is kept. */
    private static final class Finding {
        double score = 0;
        String detail = null;
        int fields = 0;

        void offer(double s, String d) {
            fields++;
            if (detail == null || s > score) {
                score = s;
                detail = d;
            }
        }
    }

    public MetadataTextDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return judge(image);
    }

    private static Evidence judge(DecodedImage image) {
        if (image.metadata().isEmpty()) {
            return new Evidence(FAMILY, 0.0, "no metadata blocks");
        }
        Finding f = new Finding();
        for (MetadataSegment m : image.metadata()) {
            switch (m.kind()) {
                case EXIF -> exif(m.data(), f);
                case XMP -> xmp(XmpPacket.read(m), m.key(), f);
                case COMMENT -> text("comment " + m.key(), m.data(), true, f);
                case TEXT -> png(m, f);
                default -> {
                }
            }
        }
        if (f.detail == null) {
            return new Evidence(FAMILY, 0.0, image.metadata().size() + " metadata blocks, no text fields");
        }
        return new Evidence(FAMILY, f.score, f.detail + " (" + f.fields + " fields checked)");
    }

    private static void exif(byte[] tiff, Finding f) {
        for (ExifFields.Field field : ExifFields.textFields(tiff)) {
            text("EXIF " + field.name(), field.value(), !EXIF_NAME_TAGS.contains(field.name()), f);
        }
    }

    /**
     * One field's value. {@code commentLike}: a field meant for free text (comment, description), where a long
     * text is the message itself; other fields (author, copyright) hold longer ordinary values, so need more.
     */
    private static void text(String field, byte[] value, boolean commentLike, Finding f) {
        byte[] v = trimNuls(value);
        String s = new String(v, StandardCharsets.UTF_8).strip();
        int len = s.length();
        if (len == 0) {
            return;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        for (String g : GENERATOR_COMMENTS) {
            if (lower.startsWith(g)) {
                f.offer(0.02, field + ": encoder comment, " + len + " chars");
                return;
            }
        }
        boolean isText = MessageScore.text(v) > 0;
        if (len >= 32 && looksBase64(s)) {
            f.offer(0.95, field + ": base64-like blob, " + len + " chars");
        } else if (len >= 64 && looksHex(s)) {
            f.offer(0.9, field + ": hex blob, " + len + " chars");
        } else if (!isText && v.length >= 32
                && TrailerDetector.entropy(v, 0, v.length) >= TrailerDetector.highEntropyThreshold(v.length)) {
            f.offer(0.9, field + ": high-entropy binary, " + v.length + " bytes");
        } else if (isText && len >= LONG_TEXT && words(s) < 4) {
            // URLs, identifiers and paths (IPTC source-type codes, document IDs) are long but not prose
            f.offer(0.1, field + ": identifier or URL, " + len + " chars");
        } else if (isText && commentLike && len >= LONG_TEXT) {
            f.offer(0.95, field + ": long free text, " + len + " chars");
        } else if (isText && len >= 2 * LONG_TEXT) {
            f.offer(0.9, field + ": long free text, " + len + " chars");
        } else if (isText && len >= LONG_TEXT) {
            f.offer(0.4, field + ": text, " + len + " chars");
        } else if (commentLike && len >= 16) {
            f.offer(0.2, field + ": short text, " + len + " chars");
        } else {
            f.offer(0.02, field + ": ordinary value, " + len + " chars");
        }
    }

    private static void png(MetadataSegment m, Finding f) {
        PngText chunk = PngText.read(PngText.Chunk.ofKey(m.key()), m.data());
        String keyword = chunk.keyword();
        if (keyword.startsWith("Raw profile type") || keyword.startsWith("date:") || keyword.equals("Software")
                || keyword.equals("Creation Time")) {
            // ImageMagick's hex-dumped profiles, timestamps and tool names: ordinary
            f.offer(0.02, m.key() + ": ordinary value, " + chunk.text().length() + " chars");
            return;
        }
        boolean commentLike = !keyword.equals("Author") && !keyword.equals("Copyright");
        text(m.key(), chunk.text().getBytes(StandardCharsets.UTF_8), commentLike, f);
    }

    private static void xmp(XmpPacket xmp, String key, Finding f) {
        boolean found = false;
        for (XmpPacket.Property p : xmp.properties()) {
            found |= xmpValue(p, key, f);
        }
        if (!found) {
            f.offer(0.02, "XMP " + key + ": no free text, " + xmp.length() + " bytes");
        }
    }

    private static boolean xmpValue(XmpPacket.Property p, String key, Finding f) {
        for (String b : XMP_BINARY) {
            if (p.name().startsWith(b)) {
                return false;
            }
        }
        if (p.value().length() < XMP_MIN_TEXT) {
            return false;
        }
        text("XMP " + p.name() + " (" + key + ")", p.value().getBytes(StandardCharsets.UTF_8), true, f);
        return true;
    }

    private static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }

    static boolean looksBase64(String s) {
        int upper = 0;
        int lower = 0;
        int digit = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            } else if (c >= '0' && c <= '9') {
                digit++;
            } else if (c != '+' && c != '/' && c != '=' && c != '-' && c != '_' && c != '\n' && c != '\r') {
                return false;
            }
        }
        // words and identifiers are letters of one case or few digits; encoded bytes mix all three throughout
        return upper >= s.length() / 8 && lower >= s.length() / 8 && digit >= s.length() / 32 + 1;
    }

    static boolean looksHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] trimNuls(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }
}
