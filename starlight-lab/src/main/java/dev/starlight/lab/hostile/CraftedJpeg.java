package dev.starlight.lab.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/** Hand-built hostile JPEGs (and the EXIF structures also put in PNG and WebP). */
final class CraftedJpeg {
    private CraftedJpeg() {
    }

    /** The valid baseline file with its frame header's height and width overwritten. */
    static byte[] dimensions(int w, int h) {
        byte[] b = ValidFiles.get("jpeg-baseline");
        for (Structure.Part p : Structure.parts(b)) {
            int marker = b[p.offset() + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                Bytes.putShortBe(b, p.offset() + 5, h);
                Bytes.putShortBe(b, p.offset() + 7, w);
            }
        }
        return b;
    }

    static byte[] progressiveDimensions(long seed) {
        byte[] b = ValidFiles.get("jpeg-progressive");
        for (Structure.Part p : Structure.parts(b)) {
            if ((b[p.offset() + 1] & 0xFF) == 0xC2) {
                Bytes.putShortBe(b, p.offset() + 5, 65535);
                Bytes.putShortBe(b, p.offset() + 7, 65535);
            }
        }
        return b;
    }

    /** The valid baseline file with {@code segment} (marker included) inserted after SOI. */
    static byte[] withSegment(byte[] segment) {
        byte[] b = ValidFiles.get(segment.length % 2 == 0 ? "jpeg-baseline" : "jpeg-progressive");
        return Bytes.concat(Arrays.copyOf(b, 2), segment, Arrays.copyOfRange(b, 2, b.length));
    }

    /** An APPn/COM segment; the body is cut to the 65,533 bytes a segment can hold. */
    static byte[] segment(int marker, byte[] body) {
        int n = Math.min(body.length, 65533);
        byte[] s = new byte[n + 4];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        Bytes.putShortBe(s, 2, n + 2);
        System.arraycopy(body, 0, s, 4, n);
        return s;
    }

    static byte[] exif(byte[] tiff) {
        return withSegment(segment(0xE1, Bytes.concat(Bytes.ascii("Exif\0\0"), tiff)));
    }

    /** 150 APP and COM segments of 64 KB each, about 9.6 MB of metadata. */
    static byte[] manySegments(long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = new byte[65533];
        for (int i = 0; i < 150; i++) {
            r.nextBytes(body);
            int marker = i % 3 == 0 ? 0xFE : 0xE2 + r.nextInt(13);
            out.writeBytes(segment(marker, body));
        }
        return withSegment(out.toByteArray());
    }

    /** Huffman or quantisation tables with counts and indices out of range. */
    static byte[] badTables(long seed) {
        Random r = new Random(seed);
        byte[] dht = new byte[17 + 20];
        dht[0] = (byte) (r.nextBoolean() ? 0x00 : 0x17);
        for (int i = 1; i <= 16; i++) {
            dht[i] = (byte) 255;
        }
        byte[] dqt = new byte[65];
        dqt[0] = (byte) (0x04 | r.nextInt(0x20));
        return withSegment(Bytes.concat(segment(0xC4, dht), segment(0xDB, dqt)));
    }

    /** A scan header naming components and tables that do not exist. */
    static byte[] badScanHeader(long seed) {
        byte[] b = ValidFiles.get(seed % 2 == 0 ? "jpeg-baseline" : "jpeg-progressive");
        for (Structure.Part p : Structure.parts(b)) {
            if ((b[p.offset() + 1] & 0xFF) == 0xDA) {
                b[p.offset() + 4] = (byte) (seed % 3 == 0 ? 0 : 4 + new Random(seed).nextInt(250));
                b[p.offset() + 5] = 0x77;
                b[p.offset() + 6] = (byte) 0xFF;
                break;
            }
        }
        return b;
    }
}
