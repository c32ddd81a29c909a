package dev.starlight.codecs.image.meta;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A decoded EXIF {@code UserComment} (tag 0x9286): the charset its 8-byte prefix names and the message after it.
 *
 * @param charset {@code ASCII}, {@code UNICODE}, {@code JIS}, {@code UNDEFINED} (an unknown prefix) or
 *                {@code NONE} (a value shorter than the prefix)
 * @param message the message bytes, UTF-8 for Unicode comments, without trailing NULs
 */
public record ExifComment(String charset, byte[] message) {
    private static final byte[] ASCII_PREFIX = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNICODE_PREFIX = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JIS_PREFIX = "JIS\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX_LENGTH = 8;

    /** The UserComment of the Exif sub-IFD of a TIFF/EXIF block, if the tag is there and readable. */
    public static Optional<ExifComment> read(byte[] tiff) {
        Metadata metadata = ExifFields.parse(tiff);
        for (ExifSubIFDDirectory dir : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            byte[] value = dir.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT);
            if (value != null) {
                return Optional.of(decode(value, ExifFields.isBigEndian(tiff)));
            }
        }
        return Optional.empty();
    }

    /**
     * Splits the 8-byte charset prefix from the message. Trailing NULs are dropped (the EXIF spec asks for one;
     * the reference generator writes none). Unicode comments are returned as UTF-8, in the block's byte order.
     */
    public static ExifComment decode(byte[] value, boolean bigEndian) {
        if (startsWith(value, ASCII_PREFIX)) {
            return new ExifComment("ASCII", afterPrefix(value));
        }
        if (startsWith(value, UNICODE_PREFIX)) {
            byte[] body = afterPrefix(value);
            if (body.length % 2 != 0) {
                body = Arrays.copyOf(body, body.length + 1);
            }
            String s = new String(body, bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return new ExifComment("UNICODE", s.getBytes(StandardCharsets.UTF_8));
        }
        if (startsWith(value, JIS_PREFIX)) {
            return new ExifComment("JIS", afterPrefix(value));
        }
        if (value.length >= PREFIX_LENGTH) {
            return new ExifComment("UNDEFINED", afterPrefix(value));
        }
        return new ExifComment("NONE", stripTrailingNuls(value));
    }

    /** True for the comments that cameras and editors leave: empty, NULs or spaces only. */
    public boolean isBlank() {
        return isBlank(message);
    }

    /** True for messages that are empty, NULs or spaces only. */
    public static boolean isBlank(byte[] message) {
        for (byte b : message) {
            if (b != 0 && b != ' ') {
                return false;
            }
        }
        return true;
    }

    private static byte[] afterPrefix(byte[] value) {
        return stripTrailingNuls(Arrays.copyOfRange(value, PREFIX_LENGTH, value.length));
    }

    static byte[] stripTrailingNuls(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
