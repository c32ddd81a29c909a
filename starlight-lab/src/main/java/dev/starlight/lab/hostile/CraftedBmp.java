package dev.starlight.lab.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Hand-built hostile BMPs. */
final class CraftedBmp {
    private CraftedBmp() {
    }

    /** File header and BITMAPINFOHEADER declaring {@code w}×{@code h} at {@code bits} per pixel, then {@code tail}. */
    static byte[] bmp(int w, int h, int bits, int compression, int colours, byte[] palette, byte[] pixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offBits = 14 + 40 + palette.length;
        out.write('B');
        out.write('M');
        Bytes.intLe(out, offBits + pixels.length);
        Bytes.intLe(out, 0);
        Bytes.intLe(out, offBits);
        Bytes.intLe(out, 40);
        Bytes.intLe(out, w);
        Bytes.intLe(out, h);
        Bytes.shortLe(out, 1);
        Bytes.shortLe(out, bits);
        Bytes.intLe(out, compression);
        Bytes.intLe(out, pixels.length);
        Bytes.intLe(out, 2835);
        Bytes.intLe(out, 2835);
        Bytes.intLe(out, colours);
        Bytes.intLe(out, 0);
        out.writeBytes(palette);
        out.writeBytes(pixels);
        return out.toByteArray();
    }

    static byte[] dimensions(int w, int h) {
        return bmp(w, h, 24, 0, 0, new byte[0], new byte[64]);
    }

    /** An 8-bit image with a two-entry palette and indices up to 255. */
    static byte[] paletteIndexOutOfRange(long seed) {
        byte[] pixels = new byte[16 * 16];
        new Random(seed).nextBytes(pixels);
        return bmp(16, 16, 8, 0, 2, new byte[8], pixels);
    }

    /** RLE8 data whose runs go far past the image. */
    static byte[] rleOverrun(long seed) {
        byte[] runs = new byte[2000];
        for (int i = 0; i < runs.length; i += 2) {
            runs[i] = (byte) 255;
            runs[i + 1] = (byte) i;
        }
        return bmp(8, 8, 8, (int) (1 + Math.floorMod(seed, 2)), 2, new byte[8], runs);
    }

    /** The pixel data offset points past the end of the file. */
    static byte[] offsetPastEnd(long seed) {
        byte[] b = ValidFiles.get("bmp-rgb");
        int[] values = {b.length + 1, 0x7FFFFFFF, 0xFFFFFFFF};
        Bytes.putIntLe(b, 10, values[(int) Math.floorMod(seed, values.length)]);
        return b;
    }

    /** Bit fields with zero, overlapping or all-ones masks. */
    static byte[] badBitfields(long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream masks = new ByteArrayOutputStream();
        int[] choices = {0, 0xFFFFFFFF, 0x80000001, 0xFF, 0x00FF00FF};
        for (int i = 0; i < 3; i++) {
            Bytes.intLe(masks, choices[r.nextInt(choices.length)]);
        }
        return bmp(4, 4, r.nextBoolean() ? 16 : 32, 3, 0, masks.toByteArray(), new byte[64]);
    }

    /** A header size that is none of the known ones, or larger than the file. */
    static byte[] badHeaderSize(long seed) {
        byte[] b = ValidFiles.get("bmp-rgb");
        int[] values = {0, 1, 39, 41, 0x7FFFFFFF, 0xFFFFFFFF, 124, 64};
        Bytes.putIntLe(b, 14, values[(int) Math.floorMod(seed, values.length)]);
        return b;
    }
}
