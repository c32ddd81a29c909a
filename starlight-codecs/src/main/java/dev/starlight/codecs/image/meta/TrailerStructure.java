package dev.starlight.codecs.image.meta;

import dev.starlight.codecs.image.ByteReader;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trailers that cameras, editors and tools are known to write after the end of an image, recognised by their
 * structure (and, for a few, by what the image's own metadata declares):
 * <ul>
 *   <li>all 0x00 or all 0xFF: encoders and editors pad files to block sizes with these;</li>
 *   <li>a single LF, CR or CRLF: text tools and some uploaders add a line end;</li>
 *   <li>Samsung's SEF trailer (ends in {@code SEFT}, its {@code SEFH} directory where the length before SEFT
 *       says): Samsung phones store depth maps and motion data there;</li>
 *   <li>an MP4 ({@code ftyp} box) after a JPEG whose XMP declares a Google/Samsung motion photo
 *       ({@code MotionPhoto}/{@code MicroVideo}): that is how Android motion photos are stored; newer phones put
 *       a gain-map or depth JPEG before the video, and then the video must start exactly where the XMP's
 *       {@code MicroVideoOffset} or a container item's {@code Item:Length} says (counted from the end);</li>
 *   <li>the preview image that Minolta and older Olympus maker notes declare (start and length) after the
 *       primary image, the rest of the trailer padding but for a few bytes just before it (Minolta writes the
 *       preview's SOI damaged, so the declared place is what counts, not a JPEG signature);</li>
 *   <li>a JPEG after a JPEG that has a CIPA Multi-Picture Format index ({@code MPF} in APP2): cameras store
 *       previews and depth images that way, some after 0x00/0xFF padding.</li>
 * </ul>
 */
public enum TrailerStructure {
    ZERO_PADDING("zero padding"),
    FF_PADDING("0xFF padding"),
    LINE_END("line end"),
    SAMSUNG_SEF("Samsung SEF trailer"),
    MOTION_PHOTO_VIDEO("motion-photo video declared in XMP"),
    MULTI_PICTURE_IMAGES("multi-picture (MPF) images"),
    MAKER_NOTE_PREVIEW("camera preview declared in the maker notes");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final int SEF_FOOTER = 8;
    private static final int PREVIEW_SLACK = 8;
    /** The video's length from the end of the file: Google's MicroVideoOffset or a container item's length. */
    private static final Pattern VIDEO_LENGTH =
            Pattern.compile("(?:MicroVideoOffset|Item:Length)\\s*=\\s*\"(\\d{1,10})\"");

    private final String description;

    TrailerStructure(String description) {
        this.description = description;
    }

    /** How the structure is reported: {@code zero padding}, {@code Samsung SEF trailer} ... */
    public String description() {
        return description;
    }

    /** The known structure of the image's trailer, if it is one. */
    public static Optional<TrailerStructure> of(DecodedImage image) {
        Optional<TrailerStructure> known = of(image.format(), image.metadata(), image.trailer());
        if (known.isEmpty() && image.format() == ImageFormat.JPEG
                && declaredPreview(image.metadata(), image.trailer(), image.imageEnd())) {
            return Optional.of(MAKER_NOTE_PREVIEW);
        }
        return known;
    }

    /**
     * Whether an EXIF block's maker notes declare a preview inside the trailer (which starts at file offset
     * {@code trailerAt}), with nothing but 0x00/0xFF padding around it.
     */
    static boolean declaredPreview(List<MetadataSegment> metadata, byte[] trailer, long trailerAt) {
        for (MetadataSegment m : metadata) {
            if (m.kind() != MetadataSegment.Kind.EXIF) {
                continue;
            }
            Optional<MakerNotePreview.Range> r = MakerNotePreview.of(m.data());
            if (r.isEmpty()) {
                continue;
            }
            long from = m.offset() + r.get().start() - trailerAt;
            long to = from + r.get().length();
            if (from >= 0 && to <= trailer.length && paddingOutside(trailer, (int) from, (int) to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Padding around the preview, except up to {@link #PREVIEW_SLACK} bytes just before it: a real Konica Minolta
     * DiMAGE Z5 file (Debian's mate-backgrounds Wood.jpg) has 3 non-padding bytes right before the declared start.
     */
    private static boolean paddingOutside(byte[] trailer, int from, int to) {
        for (int i = 0; i < trailer.length; i++) {
            boolean slack = i < from && i >= from - PREVIEW_SLACK;
            if ((i < from && !slack || i >= to) && trailer[i] != 0 && trailer[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The known structure of {@code trailer}, the bytes after an image of this format and metadata. */
    public static Optional<TrailerStructure> of(ImageFormat format, List<MetadataSegment> metadata, byte[] trailer) {
        if (uniform(trailer, (byte) 0)) {
            return Optional.of(ZERO_PADDING);
        }
        if (uniform(trailer, (byte) 0xFF)) {
            return Optional.of(FF_PADDING);
        }
        String s = new String(trailer, StandardCharsets.ISO_8859_1);
        if (s.equals("\n") || s.equals("\r\n") || s.equals("\r")) {
            return Optional.of(LINE_END);
        }
        if (isSamsungSef(new ByteReader(trailer))) {
            return Optional.of(SAMSUNG_SEF);
        }
        if (format != ImageFormat.JPEG) {
            return Optional.empty();
        }
        int start = afterPadding(trailer);
        boolean jpegFirst = start >= 0;
        if (declaresMotionPhoto(metadata) && (FileSignature.isMp4(trailer)
                || jpegFirst && (hasMpf(metadata) || declaresContainer(metadata)) && videoWhereDeclared(metadata, trailer))) {
            return Optional.of(MOTION_PHOTO_VIDEO);
        }
        if (jpegFirst && hasMpf(metadata)) {
            return Optional.of(MULTI_PICTURE_IMAGES);
        }
        return Optional.empty();
    }

    /** Where a JPEG starts after nothing but 0x00/0xFF padding, or -1. */
    private static int afterPadding(byte[] trailer) {
        ByteReader in = new ByteReader(trailer);
        for (int p = 0; p < trailer.length; p++) {
            if (in.matches(p, JPEG_START)) {
                return p;
            }
            if (trailer[p] != 0 && trailer[p] != (byte) 0xFF) {
                return -1;
            }
        }
        return -1;
    }

    /** An {@code ftyp} box starting exactly a declared video length before the end of the trailer. */
    private static boolean videoWhereDeclared(List<MetadataSegment> metadata, byte[] trailer) {
        for (MetadataSegment m : metadata) {
            if (m.kind() != MetadataSegment.Kind.XMP) {
                continue;
            }
            Matcher length = VIDEO_LENGTH.matcher(new String(m.data(), StandardCharsets.ISO_8859_1));
            while (length.find()) {
                long n = Long.parseLong(length.group(1));
                long at = trailer.length - n;
                if (n >= 12 && at > 0 && new ByteReader(trailer).matches(at + 4, FileSignature.ascii("ftyp"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declaresContainer(List<MetadataSegment> metadata) {
        for (MetadataSegment m : metadata) {
            if (m.kind() == MetadataSegment.Kind.XMP
                    && new String(m.data(), StandardCharsets.ISO_8859_1).contains("Container:Directory")) {
                return true;
            }
        }
        return false;
    }

    /** SEF: data blocks, then the "SEFH" directory, its length (u32 LE), "SEFT". */
    private static boolean isSamsungSef(ByteReader in) {
        int n = in.limit();
        if (n < 12 || !in.matches(n - 4, FileSignature.ascii("SEFT"))) {
            return false;
        }
        in.seek(n - SEF_FOOTER);
        long directoryLength = in.u32le("SEF directory length");
        long directory = n - SEF_FOOTER - directoryLength;
        return directory >= 0 && in.matches(directory, FileSignature.ascii("SEFH"));
    }

    private static boolean declaresMotionPhoto(List<MetadataSegment> metadata) {
        for (MetadataSegment m : metadata) {
            if (m.kind() == MetadataSegment.Kind.XMP) {
                String xmp = new String(m.data(), StandardCharsets.ISO_8859_1);
                if (xmp.contains("MotionPhoto") || xmp.contains("MicroVideo")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasMpf(List<MetadataSegment> metadata) {
        for (MetadataSegment m : metadata) {
            if (m.key().equals("APP2") && new ByteReader(m.data()).matches(0, FileSignature.ascii("MPF\0"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean uniform(byte[] trailer, byte b) {
        for (byte x : trailer) {
            if (x != b) {
                return false;
            }
        }
        return true;
    }
}
