package dev.starlight.core.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the EXIF {@code UserComment} tag (0x9286); {@code dev.starlight.codecs.image.meta.ExifComment} reads it.
 * Writing produces the same minimal TIFF the reference generator writes, so our files match its bytes:
 * big-endian {@code MM\0*}, IFD0 with one entry (ExifIFD pointer 0x8769), the Exif IFD with one entry
 * (UserComment, UNDEFINED), then the value: an 8-byte charset prefix and the message.
 */
public final class ExifUserComment {
    static final byte[] ASCII_PREFIX = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);
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
