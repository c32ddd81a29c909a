package dev.starlight.core.analysis;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.core.protocol.MessageScore;
import dev.starlight.core.Evidence;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes after the end of the image. Appended files (archives, images, documents, executables), text and
 * high-entropy bytes score high; padding and the trailers that cameras and editors are known to write score ~0.
 *
 * <p>Harmless trailers, and why:
 * <ul>
 *   <li>all 0x00 or all 0xFF: encoders and editors pad files to block sizes with these;</li>
 *   <li>a single LF, CR or CRLF: text tools and some uploaders add a line end;</li>
 *   <li>Samsung's SEF trailer (ends in {@code SEFT}, its {@code SEFH} directory where the length before SEFT
 *       says): Samsung phones store depth maps and motion data there;</li>
 *   <li>an MP4 ({@code ftyp} box) after a JPEG whose XMP declares a Google/Samsung motion photo
 *       ({@code MotionPhoto}/{@code MicroVideo}): that is how Android motion photos are stored;</li>
 *   <li>a JPEG after a JPEG that has a CIPA Multi-Picture Format index ({@code MPF} in APP2): cameras store
 *       previews and depth images that way.</li>
 * </ul>
 */
public final class TrailerDetector extends SingleEvidenceDetector {
    static final String FAMILY = "trailer";
    private static final int HIGH_ENTROPY_MIN = 32;

    private record Signature(String name, byte[] magic, boolean anywhere) {
        Signature(String name, String magic, boolean anywhere) {
            this(name, magic.getBytes(StandardCharsets.ISO_8859_1), anywhere);
        }
    }

    // "anywhere": magic long or distinctive enough to search for past the first byte of the trailer
    private static final List<Signature> SIGNATURES = List.of(
            new Signature("zip archive", "PK\3\4", true),
            new Signature("zip archive (end of central directory)", "PK\5\6", true),
            new Signature("rar5 archive", "Rar!\u001a\u0007\u0001\u0000", true),
            new Signature("rar4 archive", "Rar!\u001a\u0007\u0000", true),
            new Signature("7z archive", "7z\u00bc\u00af\u0027\u001c", true),
            new Signature("gzip stream", "\u001f\u008b\u0008", false),
            new Signature("bzip2 stream", "BZh", false),
            new Signature("png image", "\u0089PNG\r\n\u001a\n", true),
            new Signature("jpeg image", "\u00ff\u00d8\u00ff", false),
            new Signature("gif image", "GIF87a", true),
            new Signature("gif image", "GIF89a", true),
            new Signature("pdf document", "%PDF-", true),
            new Signature("elf executable", "\u007fELF", true),
            new Signature("webp image", "RIFF", false),
            new Signature("ogg stream", "OggS", false),
            new Signature("xz stream", "\u00fd7zXZ\u0000", true));

    public TrailerDetector() {
        super(FAMILY);
    }

    @Override
    Evidence evidence(DecodedImage image, byte[] file) {
        return judge(image);
    }

    private static Evidence judge(DecodedImage image) {
        byte[] t = image.trailer();
        long at = image.imageEnd();
        int n = t.length;
        if (n == 0) {
            return new Evidence(FAMILY, 0.0, "no bytes after the end of the image");
        }
        String where = " at +" + at + ", " + n + " bytes";
        String harmless = harmless(image, t);
        if (harmless != null) {
            return new Evidence(FAMILY, 0.0, "harmless: " + harmless + where);
        }
        for (Signature s : SIGNATURES) {
            int i = s.anywhere() ? indexOf(t, s.magic()) : startsWith(t, 0, s.magic()) ? 0 : -1;
            if (i >= 0 && confirm(s, t, i)) {
                return new Evidence(FAMILY, 0.97, s.name() + " at +" + (at + i) + ", " + (n - i) + " bytes"
                        + (i > 0 ? " (after " + i + " other bytes)" : ""));
            }
        }
        if (isPe(t)) {
            return new Evidence(FAMILY, 0.97, "windows executable at +" + at + ", " + n + " bytes");
        }
        if (isMp4(t)) {
            // an MP4 that no motion-photo XMP declares: an appended file, though older phones did this too
            return new Evidence(FAMILY, 0.8, "mp4 video not declared by the image's metadata" + where);
        }
        double text = MessageScore.text(stripEnd(t));
        if (text > 0) {
            return new Evidence(FAMILY, Math.max(0.95, text), "text" + where);
        }
        double h = entropy(t, 0, n);
        String bits = String.format(" (%.2f bits/byte)", h);
        if (n >= HIGH_ENTROPY_MIN && h >= highEntropyThreshold(n)) {
            return new Evidence(FAMILY, 0.95, "high-entropy unknown bytes" + where + bits);
        }
        if (n >= HIGH_ENTROPY_MIN) {
            return new Evidence(FAMILY, 0.6, "unrecognised bytes" + where + bits);
        }
        return new Evidence(FAMILY, 0.3, "short unrecognised bytes" + where);
    }

    /**
     * Entropy a sample of n uniformly random bytes reaches with near certainty: close to 8 bits for large n, but
     * bounded by log2(n) for small n (32 bytes cannot show more than 5 bits).
     */
    static double highEntropyThreshold(int n) {
        return 0.85 * Math.min(7.9, Math.log(n) / Math.log(2));
    }

    private static String harmless(DecodedImage image, byte[] t) {
        if (uniform(t, (byte) 0)) {
            return "zero padding";
        }
        if (uniform(t, (byte) 0xFF)) {
            return "0xFF padding";
        }
        String s = new String(t, StandardCharsets.ISO_8859_1);
        if (s.equals("\n") || s.equals("\r\n") || s.equals("\r")) {
            return "line end";
        }
        if (isSamsungSef(t)) {
            return "Samsung SEF trailer";
        }
        if (image.format() == ImageFormat.JPEG && isMp4(t) && declaresMotionPhoto(image)) {
            return "motion-photo video declared in XMP";
        }
        if (image.format() == ImageFormat.JPEG && startsWith(t, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                && hasMpf(image)) {
            return "multi-picture (MPF) images";
        }
        return null;
    }

    /** SEF: data blocks, then "SEFH" directory, its length (u32 LE), "SEFT". */
    private static boolean isSamsungSef(byte[] t) {
        int n = t.length;
        if (n < 12 || !startsWith(t, n - 4, ascii("SEFT"))) {
            return false;
        }
        long len = u32le(t, n - 8);
        long sefh = n - 8 - len;
        return sefh >= 0 && startsWith(t, (int) sefh, ascii("SEFH"));
    }

    private static boolean isMp4(byte[] t) {
        return t.length >= 12 && startsWith(t, 4, ascii("ftyp"));
    }

    private static boolean declaresMotionPhoto(DecodedImage image) {
        for (MetadataSegment m : image.metadata()) {
            if (m.kind() == MetadataSegment.Kind.XMP) {
                String xmp = new String(m.data(), StandardCharsets.ISO_8859_1);
                if (xmp.contains("MotionPhoto") || xmp.contains("MicroVideo")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasMpf(DecodedImage image) {
        for (MetadataSegment m : image.metadata()) {
            if (m.key().equals("APP2") && startsWith(m.data(), 0, ascii("MPF\0"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean confirm(Signature s, byte[] t, int i) {
        return switch (s.name()) {
            case "bzip2 stream" -> t.length >= i + 10 && t[i + 3] >= '1' && t[i + 3] <= '9'
                    && startsWith(t, i + 4, new byte[] {0x31, 0x41, 0x59, 0x26, 0x53, 0x59});
            case "webp image" -> t.length >= i + 12 && startsWith(t, i + 8, ascii("WEBP"));
            default -> true;
        };
    }

    private static boolean isPe(byte[] t) {
        if (t.length < 0x40 || t[0] != 'M' || t[1] != 'Z') {
            return false;
        }
        long pe = u32le(t, 0x3C);
        return pe + 4 <= t.length && startsWith(t, (int) pe, ascii("PE\0\0"));
    }

    /** Trailing NULs and line ends dropped: a message written with a terminator is still text. */
    private static byte[] stripEnd(byte[] t) {
        int n = t.length;
        while (n > 0 && (t[n - 1] == 0 || t[n - 1] == '\n' || t[n - 1] == '\r')) {
            n--;
        }
        return n == t.length ? t : java.util.Arrays.copyOf(t, n);
    }

    /** Shannon entropy of {@code data[from..to)} in bits per byte. */
    static double entropy(byte[] data, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int[] counts = new int[256];
        for (int i = from; i < to; i++) {
            counts[data[i] & 0xFF]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) n;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    private static boolean uniform(byte[] t, byte b) {
        for (byte x : t) {
            if (x != b) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] magic) {
        for (int i = 0; i + magic.length <= data.length; i++) {
            if (data[i] == magic[0] && startsWith(data, i, magic)) {
                return i;
            }
        }
        return -1;
    }

    private static long u32le(byte[] t, int at) {
        return (t[at] & 0xFFL) | (t[at + 1] & 0xFFL) << 8 | (t[at + 2] & 0xFFL) << 16 | (t[at + 3] & 0xFFL) << 24;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
