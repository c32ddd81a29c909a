package dev.starlight.codecs.image.meta;

import dev.starlight.codecs.image.ByteReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file that can be recognised in bytes appended to an image, by their magic numbers: archives,
 * compressed streams, images, documents and executables.
 *
 * @param name     what the file is, as reported: {@code zip archive}, {@code pdf document} ...
 * @param magic    the bytes it starts with
 * @param anywhere whether the magic is long or distinctive enough to search for past the first byte of the
 *                 trailer; short magics are only believed at its start
 */
public record FileSignature(String name, byte[] magic, boolean anywhere) {

    /** A file found in a trailer: its kind and where it starts, counted from the trailer's first byte. */
    public record Appended(String kind, int offset) {
    }

    private FileSignature(String name, String magic, boolean anywhere) {
        this(name, magic.getBytes(StandardCharsets.ISO_8859_1), anywhere);
    }

    /** Checked in this order; the first that matches and is confirmed names the trailer. */
    public static final List<FileSignature> KNOWN = List.of(
            new FileSignature("zip archive", "PK\3\4", true),
            new FileSignature("zip archive (end of central directory)", "PK\5\6", true),
            new FileSignature("rar5 archive", "Rar!\u001a\u0007\u0001\u0000", true),
            new FileSignature("rar4 archive", "Rar!\u001a\u0007\u0000", true),
            new FileSignature("7z archive", "7z\u00bc\u00af\u0027\u001c", true),
            new FileSignature("gzip stream", "\u001f\u008b\u0008", false),
            new FileSignature("bzip2 stream", "BZh", false),
            new FileSignature("png image", "\u0089PNG\r\n\u001a\n", true),
            new FileSignature("jpeg image", "\u00ff\u00d8\u00ff", false),
            new FileSignature("gif image", "GIF87a", true),
            new FileSignature("gif image", "GIF89a", true),
            new FileSignature("pdf document", "%PDF-", true),
            new FileSignature("elf executable", "\u007fELF", true),
            new FileSignature("webp image", "RIFF", false),
            new FileSignature("ogg stream", "OggS", false),
            new FileSignature("xz stream", "\u00fd7zXZ\u0000", true));

    private static final String WINDOWS_EXECUTABLE = "windows executable";
    private static final int PE_HEADER_POINTER = 0x3C;
    private static final byte[] BZIP2_BLOCK_MAGIC = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};

    /**
     * The first known file in {@code trailer}, or a Windows executable (MZ header whose PE pointer leads to a
     * {@code PE\0\0} signature) at its start; empty when none is there.
     */
    public static Optional<Appended> find(byte[] trailer) {
        ByteReader in = new ByteReader(trailer);
        for (FileSignature s : KNOWN) {
            int at = s.anywhere() ? indexOf(in, s.magic()) : in.matches(0, s.magic()) ? 0 : -1;
            if (at >= 0 && s.confirmed(in, at)) {
                return Optional.of(new Appended(s.name(), at));
            }
        }
        return isWindowsExecutable(in) ? Optional.of(new Appended(WINDOWS_EXECUTABLE, 0)) : Optional.empty();
    }

    /** An ISO media file (MP4, MOV, HEIF): an {@code ftyp} box first. */
    public static boolean isMp4(byte[] trailer) {
        return trailer.length >= 12 && new ByteReader(trailer).matches(4, ascii("ftyp"));
    }

    /** Short magics that ordinary bytes could show are believed only with what must follow them. */
    private boolean confirmed(ByteReader in, int at) {
        int n = in.limit();
        return switch (name) {
            case "bzip2 stream" -> n >= at + 10 && isBlockSizeDigit(in, at + 3) && in.matches(at + 4, BZIP2_BLOCK_MAGIC);
            case "webp image" -> n >= at + 12 && in.matches(at + 8, ascii("WEBP"));
            default -> true;
        };
    }

    private static boolean isBlockSizeDigit(ByteReader in, int at) {
        in.seek(at);
        int level = in.u8("bzip2 block size");
        return level >= '1' && level <= '9';
    }

    private static boolean isWindowsExecutable(ByteReader in) {
        if (in.limit() < PE_HEADER_POINTER + 4 || !in.matches(0, ascii("MZ"))) {
            return false;
        }
        in.seek(PE_HEADER_POINTER);
        long pe = in.u32le("PE header pointer");
        return in.matches(pe, ascii("PE\0\0"));
    }

    private static int indexOf(ByteReader in, byte[] magic) {
        for (int i = 0; i + magic.length <= in.limit(); i++) {
            if (in.data()[i] == magic[0] && in.matches(i, magic)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
