package dev.starlight.codecs.image;

import java.io.ByteArrayOutputStream;

/** Writes variable-width codes least-significant bit first, as GIF's LZW stream packs them. */
public final class LzwBitWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long buffer;
    private int count;

    public void write(int code, int size) {
        buffer |= (long) code << count;
        count += size;
        while (count >= 8) {
            bytes.write((int) (buffer & 0xFF));
            buffer >>>= 8;
            count -= 8;
        }
    }

    /** The bytes written, the last one padded with zero bits. */
    public byte[] finish() {
        if (count > 0) {
            bytes.write((int) (buffer & 0xFF));
        }
        return bytes.toByteArray();
    }
}
