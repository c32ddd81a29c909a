package dev.starlight.codecs.image.meta;

import java.util.Optional;

/**
 * The preview image that Minolta and older Olympus cameras declare in their maker notes (tags 0x0088 PreviewImageStart
 * and 0x0089 PreviewImageLength, offsets from the TIFF header) and store after the primary image's end marker.
 * The TIFF structure is walked here because metadata-extractor does not report these two tags: IFD0, its Exif IFD
 * pointer (0x8769), the MakerNote (0x927C), then the maker note's own IFD, plain (Minolta) or after an
 * {@code OLYMP\0} header (older Olympus). Every offset is bounds-checked; anything unreadable gives empty.
 */
final class MakerNotePreview {
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_MAKER_NOTE = 0x927C;
    private static final int TAG_PREVIEW_START = 0x0088;
    private static final int TAG_PREVIEW_LENGTH = 0x0089;
    private static final int MAX_ENTRIES = 1024;

    /** Where the preview lies, counted from the TIFF header. */
    record Range(long start, long length) {
    }

    private final byte[] tiff;
    private final boolean bigEndian;

    private MakerNotePreview(byte[] tiff) {
        this.tiff = tiff;
        this.bigEndian = tiff.length >= 2 && tiff[0] == 'M';
    }

    static Optional<Range> of(byte[] tiff) {
        if (tiff.length < 8 || !(tiff[0] == 'I' && tiff[1] == 'I' || tiff[0] == 'M' && tiff[1] == 'M')) {
            return Optional.empty();
        }
        return new MakerNotePreview(tiff).find();
    }

    private Optional<Range> find() {
        long exif = value(u32(4), TAG_EXIF_IFD);
        if (exif < 0) {
            return Optional.empty();
        }
        long makerNote = value(exif, TAG_MAKER_NOTE);
        if (makerNote < 0) {
            return Optional.empty();
        }
        long ifd = startsWith(makerNote, "OLYMP\0") ? makerNote + 8 : makerNote;
        long start = value(ifd, TAG_PREVIEW_START);
        long length = value(ifd, TAG_PREVIEW_LENGTH);
        return start > 0 && length > 0 ? Optional.of(new Range(start, length)) : Optional.empty();
    }

    /** The value (or value offset) of {@code tag} in the IFD at {@code ifd}; -1 when absent or unreadable. */
    private long value(long ifd, int tag) {
        int n = u16(ifd);
        if (n <= 0 || n > MAX_ENTRIES) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            long entry = ifd + 2 + 12L * i;
            if (u16(entry) == tag) {
                int type = u16(entry + 2);
                return type == 3 ? u16(entry + 8) : u32(entry + 8);
            }
        }
        return -1;
    }

    private boolean startsWith(long at, String prefix) {
        if (at < 0 || at + prefix.length() > tiff.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (tiff[(int) at + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u16(long at) {
        if (at < 0 || at + 2 > tiff.length) {
            return -1;
        }
        int a = tiff[(int) at] & 0xFF;
        int b = tiff[(int) at + 1] & 0xFF;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    private long u32(long at) {
        if (at < 0 || at + 4 > tiff.length) {
            return -1;
        }
        long hi = u16(bigEndian ? at : at + 2);
        long lo = u16(bigEndian ? at + 2 : at);
        return hi << 16 | lo;
    }
}
