package dev.starlight.core.analysis;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.core.protocol.ExifUserComment;
import dev.starlight.core.protocol.MessageScore;
import dev.starlight.core.Evidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Text and blobs hidden in metadata fields: EXIF comment-like tags, XMP properties, JPEG COM, PNG text chunks, GIF
 * comments. Ordinary values (camera names, software, dates, short titles, editor XMP, ICC profiles) score low;
 * long free text in a comment-like field, or a base64/hex/high-entropy blob, scores high. The evidence reports the
 * strongest field found.
 */
public final class MetadataTextDetector extends SingleEvidenceDetector {
    static final String FAMILY = "meta";
    /** Free text this long in a field meant for comments is a message, not a caption. */
    static final int LONG_TEXT = 64;
    private static final int INFLATE_CAP = 1 << 20;
    private static final int XMP_SCAN_CAP = 1 << 20;

    private static final int TAG_IMAGE_DESCRIPTION = 0x010E;
    private static final int TAG_ARTIST = 0x013B;
    private static final int TAG_COPYRIGHT = 0x8298;
    private static final int TAG_USER_COMMENT = 0x9286;
    private static final int[] TAGS_XP = {0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F};
    private static final String[] XP_NAMES = {"XPTitle", "XPComment", "XPAuthor", "XPKeywords", "XPSubject"};

    /** Comments that common encoders write by themselves. */
    private static final List<String> GENERATOR_COMMENTS = List.of("creator: gd-jpeg", "created with gimp",
            "optimized by jpegmini", "lead technologies", "intel(r) jpeg library", "applemark", "file source:",
            "handmade software", "compressed by jpeg-recompress", "ducky");

    /** XMP properties that carry base64 images or binary data by design (thumbnails, depth maps, audio). */
    private static final List<String> XMP_BINARY = List.of("xmpGImg:image", "GImage:Data", "GDepth:Data",
            "GDepth:Confidence", "GAudio:Data", "xmpNote:HasExtendedXMP", "GCamera:");

    private static final Pattern XMP_ATTRIBUTE = Pattern.compile("\\s([\\w.-]+:[\\w.-]+)=\"([^\"]{16,})\"");
    private static final Pattern XMP_TEXT = Pattern.compile(">([^<]{16,})<");
    private static final Pattern XMP_OPEN_TAG = Pattern.compile("<([\\w.-]+:[\\w.-]+)[\\s>/]");

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
                case XMP -> xmp(m.key().startsWith("iTXt") ? pngText(m.data(), true)[1]
                        : new String(m.data(), StandardCharsets.UTF_8), m.key(), f);
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
        Metadata metadata = new Metadata();
        try {
            new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
        } catch (RuntimeException e) {
            // metadata-extractor keeps what it read before the damage; a damaged block is not evidence by itself
        }
        boolean bigEndian = tiff.length >= 2 && tiff[0] == 'M';
        for (Directory dir : metadata.getDirectories()) {
            byte[] comment = dir.getByteArray(TAG_USER_COMMENT);
            if (comment != null) {
                ExifUserComment.Comment c = ExifUserComment.decode(comment, bigEndian);
                if (!ExifUserComment.isBlank(c.message())) {
                    text("EXIF UserComment (" + c.charset() + ")", c.message(), true, f);
                }
            }
            stringTag(dir, TAG_IMAGE_DESCRIPTION, "EXIF ImageDescription", true, f);
            stringTag(dir, TAG_ARTIST, "EXIF Artist", false, f);
            stringTag(dir, TAG_COPYRIGHT, "EXIF Copyright", false, f);
            for (int i = 0; i < TAGS_XP.length; i++) {
                byte[] xp = dir.getByteArray(TAGS_XP[i]);
                if (xp != null) {
                    String s = new String(xp, StandardCharsets.UTF_16LE).replace("\0", "");
                    text("EXIF " + XP_NAMES[i], s.getBytes(StandardCharsets.UTF_8), !XP_NAMES[i].equals("XPAuthor"), f);
                }
            }
        }
    }

    private static void stringTag(Directory dir, int tag, String name, boolean commentLike, Finding f) {
        byte[] raw = dir.getByteArray(tag);
        if (raw != null) {
            text(name, trimNuls(raw), commentLike, f);
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
        String[] kv = pngText(m.data(), m.key().startsWith("zTXt") ? null : m.key().startsWith("iTXt"));
        String keyword = kv[0];
        if (keyword.startsWith("Raw profile type") || keyword.startsWith("date:") || keyword.equals("Software")
                || keyword.equals("Creation Time")) {
            // ImageMagick's hex-dumped profiles, timestamps and tool names: ordinary
            f.offer(0.02, m.key() + ": ordinary value, " + kv[1].length() + " chars");
            return;
        }
        boolean commentLike = !keyword.equals("Author") && !keyword.equals("Copyright");
        text(m.key(), kv[1].getBytes(StandardCharsets.UTF_8), commentLike, f);
    }

    /**
     * Keyword and text of a PNG text chunk body. {@code international}: true for iTXt, false for tEXt, null for
     * zTXt. Compressed text is inflated up to a cap.
     */
    static String[] pngText(byte[] body, Boolean international) {
        int nul = indexOf(body, 0, 0);
        if (nul < 0) {
            return new String[] {"", latin1(body)};
        }
        String keyword = new String(body, 0, nul, StandardCharsets.ISO_8859_1);
        if (international == null) {
            return new String[] {keyword, latin1(inflate(body, nul + 2))};
        }
        if (!international) {
            return new String[] {keyword, new String(body, nul + 1, body.length - nul - 1, StandardCharsets.ISO_8859_1)};
        }
        if (body.length < nul + 3) {
            return new String[] {keyword, ""};
        }
        boolean compressed = body[nul + 1] != 0;
        int lang = indexOf(body, 0, nul + 3);
        int translated = lang < 0 ? -1 : indexOf(body, 0, lang + 1);
        if (translated < 0) {
            return new String[] {keyword, ""};
        }
        byte[] text = compressed ? inflate(body, translated + 1)
                : java.util.Arrays.copyOfRange(body, translated + 1, body.length);
        return new String[] {keyword, new String(text, StandardCharsets.UTF_8)};
    }

    private static void xmp(String xmp, String key, Finding f) {
        String s = xmp.length() > XMP_SCAN_CAP ? xmp.substring(0, XMP_SCAN_CAP) : xmp;
        boolean found = false;
        Matcher a = XMP_ATTRIBUTE.matcher(s);
        while (a.find()) {
            found |= xmpValue(a.group(1), a.group(2), key, f);
        }
        Matcher t = XMP_TEXT.matcher(s);
        while (t.find()) {
            if (!t.group(1).isBlank()) {
                found |= xmpValue(enclosingProperty(s, t.start()), t.group(1), key, f);
            }
        }
        if (!found) {
            f.offer(0.02, "XMP " + key + ": no free text, " + xmp.length() + " bytes");
        }
    }

    private static boolean xmpValue(String property, String value, String key, Finding f) {
        if (property.startsWith("xmlns") || property.startsWith("rdf:") || property.startsWith("x:")) {
            return false;
        }
        for (String b : XMP_BINARY) {
            if (property.startsWith(b)) {
                return false;
            }
        }
        String v = unescape(value.strip());
        if (v.length() < 16) {
            return false;
        }
        text("XMP " + property + " (" + key + ")", v.getBytes(StandardCharsets.UTF_8), true, f);
        return true;
    }

    /** The last non-rdf property opened before {@code at}: the owner of text inside rdf:Alt/rdf:li. */
    private static String enclosingProperty(String s, int at) {
        int from = Math.max(0, at - 2048);
        Matcher m = XMP_OPEN_TAG.matcher(s.substring(from, at));
        String last = "?";
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("rdf:") && !name.startsWith("x:")) {
                last = name;
            }
        }
        return last;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#xA;", "\n").replace("&#10;", "\n").replace("&amp;", "&");
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

    private static byte[] inflate(byte[] body, int from) {
        if (from >= body.length) {
            return new byte[0];
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body, from, body.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished() && out.size() < INFLATE_CAP) {
                int k = inflater.inflate(buf);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, Math.min(k, INFLATE_CAP - out.size()));
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }

    private static byte[] trimNuls(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }

    private static int indexOf(byte[] b, int value, int from) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
