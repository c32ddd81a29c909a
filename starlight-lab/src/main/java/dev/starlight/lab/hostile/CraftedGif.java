package dev.starlight.lab.hostile;

import dev.starlight.codecs.image.LzwBitWriter;
import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Hand-built hostile GIFs. */
final class CraftedGif {
    private CraftedGif() {
    }

    /** Logical screen and one frame of {@code w}×{@code h}, two-colour table, a few LZW bytes. */
    static byte[] dimensions(int w, int h) {
        ByteArrayOutputStream out = header(w, h, 0);
        frame(out, w, h, 2, new byte[] {(byte) 0x84, 0x01, 0x00});
        out.write(0x3B);
        return out.toByteArray();
    }

    /** 6000×6000 of index 0, LZW-coded as a run of zeros: about 25 KB that decode to 36 million pixels. */
    static byte[] lzwBomb(long seed) {
        int side = 6000;
        ByteArrayOutputStream out = header(side, side, 0);
        frame(out, side, side, 2, zeroRun((long) side * side, 2));
        out.write(0x3B);
        return out.toByteArray();
    }

    /** A 10×10 frame whose LZW data codes 36 million pixels. */
    static byte[] lzwExcess(long seed) {
        ByteArrayOutputStream out = header(10, 10, 0);
        frame(out, 10, 10, 2, zeroRun(36_000_000L, 2));
        out.write(0x3B);
        return out.toByteArray();
    }

    /** A two-colour global table while the image data uses indices up to 255. */
    static byte[] smallColourTable(long seed) {
        Random r = new Random(seed);
        int w = 16;
        int h = 16;
        int[] indices = new int[w * h];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = r.nextInt(256);
        }
        ByteArrayOutputStream out = header(w, h, 0);
        frame(out, w, h, 8, lzwLiterals(indices, 8));
        out.write(0x3B);
        return out.toByteArray();
    }

    /** No colour table at all. */
    static byte[] noColourTable(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.ascii("GIF89a"));
        Bytes.shortLe(out, 8);
        Bytes.shortLe(out, 8);
        out.write(0);
        out.write(0);
        out.write(0);
        frame(out, 8, 8, 2, new byte[] {(byte) 0x84, 0x01, 0x00});
        out.write(0x3B);
        return out.toByteArray();
    }

    /** 20,000 one-pixel frames (past the frame limit). */
    static byte[] manyFrames(long seed) {
        ByteArrayOutputStream out = header(1, 1, 0);
        for (int i = 0; i < 20_000; i++) {
            frame(out, 1, 1, 2, new byte[] {0x44, 0x01});
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    /** A comment extension of 8 MiB in 255-byte sub-blocks. */
    static byte[] hugeComment(long seed) {
        ByteArrayOutputStream out = header(2, 2, 0);
        out.write(0x21);
        out.write(0xFE);
        byte[] block = new byte[255];
        java.util.Arrays.fill(block, (byte) 'x');
        for (int i = 0; i < (8 << 20) / 256; i++) {
            out.write(255);
            out.writeBytes(block);
        }
        out.write(0);
        frame(out, 2, 2, 2, new byte[] {(byte) 0x84, 0x01, 0x00});
        out.write(0x3B);
        return out.toByteArray();
    }

    /**
     * "GIFAR"-style GIF/JavaScript/HTML polyglot: the logical width is the bytes {@code /*}, a comment extension
     * holds HTML with a script, and JavaScript follows the trailer.
     */
    static byte[] htmlPolyglot(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.ascii("GIF89a/*"));
        Bytes.shortLe(out, 10);
        out.write(0x80);
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        byte[] html = Bytes.ascii("<html><body><script>alert(document.domain)</script></body></html>");
        out.write(0x21);
        out.write(0xFE);
        out.write(html.length);
        out.writeBytes(html);
        out.write(0);
        frame(out, 1, 1, 2, new byte[] {0x44, 0x01});
        out.write(0x3B);
        out.writeBytes(Bytes.ascii("*/=1;alert(1);//<script>alert(2)</script>"));
        return out.toByteArray();
    }

    static ByteArrayOutputStream header(int w, int h, int tableBits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.ascii("GIF89a"));
        Bytes.shortLe(out, w);
        Bytes.shortLe(out, h);
        out.write(0x80 | tableBits);
        out.write(0);
        out.write(0);
        int entries = 2 << tableBits;
        for (int i = 0; i < entries; i++) {
            out.write(i * 255 / Math.max(1, entries - 1));
            out.write(i * 37);
            out.write(255 - i);
        }
        return out;
    }

    /** An image descriptor at 0,0 without a local table, then the LZW data in sub-blocks. */
    static void frame(ByteArrayOutputStream out, int w, int h, int minCodeSize, byte[] lzw) {
        out.write(0x2C);
        Bytes.shortLe(out, 0);
        Bytes.shortLe(out, 0);
        Bytes.shortLe(out, w);
        Bytes.shortLe(out, h);
        out.write(0);
        out.write(minCodeSize);
        for (int p = 0; p < lzw.length; p += 255) {
            int n = Math.min(255, lzw.length - p);
            out.write(n);
            out.write(lzw, p, n);
        }
        out.write(0);
    }

    /**
     * LZW for {@code pixels} zeros, produced as a GIF encoder would: each code stands for a run one longer than
     * the one before, and the table is cleared when full. No pixel array is built.
     */
    static byte[] zeroRun(long pixels, int minCodeSize) {
        LzwBitWriter bits = new LzwBitWriter();
        int clear = 1 << minCodeSize;
        int first = clear + 2;
        int codeSize = minCodeSize + 1;
        int next = first;
        bits.write(clear, codeSize);
        long left = pixels;
        int run = 1;
        while (left > 0) {
            int len = (int) Math.min(run, left);
            bits.write(len == 1 ? 0 : first + len - 2, codeSize);
            left -= len;
            if (next < 4096) {
                next++;
                run++;
                if (next > (1 << codeSize) && codeSize < 12) {
                    codeSize++;
                }
            } else {
                bits.write(clear, codeSize);
                codeSize = minCodeSize + 1;
                next = first;
                run = 1;
            }
        }
        bits.write(clear + 1, codeSize);
        return bits.finish();
    }

    /** Uncompressed LZW: every index its own code, with a clear code often enough that the code size stays put. */
    static byte[] lzwLiterals(int[] indices, int minCodeSize) {
        LzwBitWriter bits = new LzwBitWriter();
        int clear = 1 << minCodeSize;
        int codeSize = minCodeSize + 1;
        for (int i = 0; i < indices.length; i++) {
            if (i % 100 == 0) {
                bits.write(clear, codeSize);
            }
            bits.write(indices[i], codeSize);
        }
        bits.write(clear + 1, codeSize);
        return bits.finish();
    }
}
