package dev.starlight.codecs.image;

import java.util.Locale;
import java.util.Optional;

/** The containers Starlight decodes, recognised by their magic bytes (never by file name). */
public enum ImageFormat {
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    BMP("image/bmp", "bmp"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** Lower-case name used in {@code ScanResult.format}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Recognises the container from its first bytes; empty when none matches. */
    public static Optional<ImageFormat> sniff(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0, 'G', 'I', 'F', '8') && data.length >= 6
                && (data[4] == '7' || data[4] == '9') && data[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(data, 0, 'B', 'M') && data.length >= 14) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, int... magic) {
        if (data.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
