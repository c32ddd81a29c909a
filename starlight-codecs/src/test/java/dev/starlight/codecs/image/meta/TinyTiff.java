package dev.starlight.codecs.image.meta;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Writes small big-endian TIFF/EXIF blocks: IFD0 entries, and an Exif IFD for the UserComment. */
final class TinyTiff {
    private record Entry(int tag, int type, byte[] value) {
    }

    private final List<Entry> ifd0 = new ArrayList<>();
    private final List<Entry> exif = new ArrayList<>();

    TinyTiff ascii(int tag, String value) {
        ifd0.add(new Entry(tag, 2, (value + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        return this;
    }

    TinyTiff bytes(int tag, byte[] value) {
        ifd0.add(new Entry(tag, 1, value));
        return this;
    }

    TinyTiff userComment(byte[] value) {
        exif.add(new Entry(0x9286, 7, value));
        return this;
    }

    byte[] write() {
        List<Entry> first = new ArrayList<>(ifd0);
        int ifd0Size = 2 + 12 * (first.size() + (exif.isEmpty() ? 0 : 1)) + 4;
        int exifAt = 8 + ifd0Size;
        int exifSize = exif.isEmpty() ? 0 : 2 + 12 * exif.size() + 4;
        int valuesAt = exifAt + exifSize;
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42});
        u32(out, 8);
        u16(out, first.size() + (exif.isEmpty() ? 0 : 1));
        for (Entry e : first) {
            entry(out, e, valuesAt, values);
        }
        if (!exif.isEmpty()) {
            u16(out, 0x8769);
            u16(out, 4);
            u32(out, 1);
            u32(out, exifAt);
        }
        u32(out, 0);
        if (!exif.isEmpty()) {
            u16(out, exif.size());
            for (Entry e : exif) {
                entry(out, e, valuesAt, values);
            }
            u32(out, 0);
        }
        out.writeBytes(values.toByteArray());
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, Entry e, int valuesAt, ByteArrayOutputStream values) {
        u16(out, e.tag());
        u16(out, e.type());
        u32(out, e.value().length);
        if (e.value().length <= 4) {
            out.writeBytes(java.util.Arrays.copyOf(e.value(), 4));
        } else {
            u32(out, valuesAt + values.size());
            values.writeBytes(e.value());
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v >>> 16);
        u16(out, v);
    }
}
