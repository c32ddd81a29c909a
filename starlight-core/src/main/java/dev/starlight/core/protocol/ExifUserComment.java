package dev.starlight.core.protocol;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads and writes the EXIF {@code UserComment} tag (0x9286). Reading goes through metadata-extractor; writing
 * produces the same minimal TIFF the reference generator writes, so our files match its bytes:
 * big-endian {@code MM\0*}, IFD0 with one entry (ExifIFD pointer 0x8769), the Exif IFD with one entry
 * (UserComment, UNDEFINED), then the value: an 8-byte charset prefix and the message.
 */
public final class ExifUserComment {
    static final byte[] ASCII_PREFIX = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNICODE_PREFIX = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JIS_PREFIX = "JIS\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_USER_COMMENT = 0x9286;

    private ExifUserComment() {
    }

    /**
     * A TIFF structure whose only content is a UserComment {@code ASCII\0\0\0 + message}. Layout, as the
     * reference writes it: header (8 bytes), IFD0 at 8 (count, ExifIFD entry, next-IFD 0: 18 bytes), the Exif IFD
     * at 0x1A (count and the UserComment entry, with no next-IFD field), the value at 0x28.
     */
    static byte[] tiffWithUserComment(byte[] message) {
        int valueOffset = 0x28;
        int valueLength = ASCII_PREFIX.length + message.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(valueOffset + valueLength);
        writeBytes(out, 'M', 'M', 0x00, 0x2A);
        u32(out, 8);
        u16(out, 1);
        u16(out, TAG_EXIF_IFD);
        u16(out, 4);                  // LONG
        u32(out, 1);
        u32(out, 0x1A);
        u32(out, 0);                  // no IFD1
        u16(out, 1);
        u16(out, TAG_USER_COMMENT);
        u16(out, 7);                  // UNDEFINED
        u32(out, valueLength);
        u32(out, valueOffset);
        out.writeBytes(ASCII_PREFIX);
        out.writeBytes(message);
        return out.toByteArray();
    }

    /** The raw UserComment value (charset prefix included) of a TIFF/EXIF block, if the tag is there. */
    static Optional<byte[]> read(byte[] tiff) {
        try {
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
            for (ExifSubIFDDirectory dir : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                byte[] value = dir.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT);
                if (value != null) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // metadata-extractor records damage in the directories; anything thrown means no readable comment
            return Optional.empty();
        }
    }

    /** A decoded UserComment: the charset named by its prefix and the message bytes after it. */
    public record Comment(String charset, byte[] message) {
    }

    /**
     * Splits the 8-byte charset prefix from the message. Trailing NULs are dropped (the EXIF spec asks for one;
     * the reference generator writes none). Unicode comments are returned as UTF-8.
     */
    public static Comment decode(byte[] value, boolean bigEndian) {
        if (startsWith(value, ASCII_PREFIX)) {
            return new Comment("ASCII", stripTrailingNuls(Arrays.copyOfRange(value, 8, value.length)));
        }
        if (startsWith(value, UNICODE_PREFIX)) {
            byte[] body = stripTrailingNuls(Arrays.copyOfRange(value, 8, value.length));
            if (body.length % 2 != 0) {
                body = Arrays.copyOf(body, body.length + 1);
            }
            String s = new String(body, bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return new Comment("UNICODE", s.getBytes(StandardCharsets.UTF_8));
        }
        if (startsWith(value, JIS_PREFIX)) {
            return new Comment("JIS", stripTrailingNuls(Arrays.copyOfRange(value, 8, value.length)));
        }
        if (value.length >= 8) {
            return new Comment("UNDEFINED", stripTrailingNuls(Arrays.copyOfRange(value, 8, value.length)));
        }
        return new Comment("NONE", stripTrailingNuls(value));
    }

    /** True for comments that cameras and editors leave: empty, NULs or spaces only. */
    public static boolean isBlank(byte[] message) {
        for (byte b : message) {
            if (b != 0 && b != ' ') {
                return false;
            }
        }
        return true;
    }

    private static byte[] stripTrailingNuls(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void writeBytes(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
