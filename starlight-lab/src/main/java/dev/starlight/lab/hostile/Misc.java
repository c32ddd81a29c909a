package dev.starlight.lab.hostile;

import java.util.Random;

/** Degenerate inputs: empty, one byte, random bytes, bare magic. */
final class Misc {
    private Misc() {
    }

    static byte[] oneByte(long seed) {
        int[] likely = {0x89, 0xFF, 'G', 'B', 'R', 0x00};
        Random r = new Random(seed);
        return new byte[] {(byte) (r.nextBoolean() ? likely[r.nextInt(likely.length)] : r.nextInt(256))};
    }

    static byte[] random(long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[1 + r.nextInt(r.nextBoolean() ? 256 : 64 << 10)];
        r.nextBytes(b);
        return b;
    }

    /** A format's magic bytes followed by random bytes. */
    static byte[] randomAfterMagic(long seed) {
        Random r = new Random(seed);
        byte[][] magics = {Bytes.PNG_SIGNATURE, Bytes.ascii("GIF89a"), Bytes.ascii("GIF87a"),
                {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Bytes.ascii("BM"), Bytes.ascii("RIFF\0\1\0\0WEBPVP8L"),
                Bytes.ascii("RIFF\0\1\0\0WEBPVP8X"), Bytes.ascii("RIFF\0\1\0\0WEBPVP8 ")};
        byte[] tail = new byte[r.nextInt(4096)];
        r.nextBytes(tail);
        return Bytes.concat(magics[r.nextInt(magics.length)], tail);
    }

    /** Just a format's signature or fixed header. */
    static byte[] magicOnly(long seed) {
        byte[][] magics = {Bytes.PNG_SIGNATURE, Bytes.ascii("GIF89a"), {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                {(byte) 0xFF, (byte) 0xD8}, Bytes.ascii("BM"), Bytes.concat(Bytes.ascii("BM"), new byte[12]),
                Bytes.ascii("RIFF\0\0\0\0WEBP"), Bytes.concat(Bytes.PNG_SIGNATURE, new byte[] {0, 0, 0, 13})};
        return magics[(int) Math.floorMod(seed, magics.length)].clone();
    }

    /** A VP8L header declaring 16384×16384 (the format's largest). */
    static byte[] webpHugeDimensions(long seed) {
        byte[] b = ValidFiles.get("webp-lossless");
        for (Structure.Part p : Structure.parts(b)) {
            if (b[p.offset()] == 'V' && b[p.offset() + 3] == 'L') {
                int d = p.offset() + 8;
                long bits = 0x3FFF | 0x3FFFL << 14 | (seed % 2 == 0 ? 1L << 28 : 0);
                for (int i = 0; i < 4; i++) {
                    b[d + 1 + i] = (byte) (bits >>> (8 * i));
                }
            }
        }
        return b;
    }

    /** Over the platform's 10 MiB request limit: a valid PNG with a trailer of zeros. */
    static byte[] oversizePng(long seed) {
        return Bytes.concat(ValidFiles.get("png-rgb"), new byte[(10 << 20) + 1 + (int) Math.floorMod(seed, 1 << 20)]);
    }

    static byte[] oversizeRandom(long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[(10 << 20) + 1 + r.nextInt(1 << 20)];
        r.nextBytes(b);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, b, 0, 4);
        return b;
    }
}
