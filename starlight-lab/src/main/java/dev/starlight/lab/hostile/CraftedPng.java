package dev.starlight.lab.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Hand-built hostile PNGs. */
final class CraftedPng {
    /** zlib streams of zeros by size: the same few sizes are asked for again and again. */
    private static final Map<Long, byte[]> ZEROS = new ConcurrentHashMap<>();

    private CraftedPng() {
    }

    static byte[] zeros(long n) {
        return ZEROS.computeIfAbsent(n, Bytes::zlibZeros);
    }

    private static byte[] png(byte[]... chunks) {
        return Bytes.concat(Bytes.PNG_SIGNATURE, Bytes.concat(chunks), Bytes.pngChunk("IEND", new byte[0]));
    }

    /** A header declaring {@code w}×{@code h} RGB with a tiny IDAT. */
    static byte[] dimensions(int w, int h) {
        return png(Bytes.ihdr(w, h, 8, 2, 0), Bytes.pngChunk("IDAT", Bytes.zlib(new byte[64])));
    }

    /** 6000×6000 RGBA declared (144 MB of samples) and an IDAT that inflates to 1 GiB of zeros (about 1 MB). */
    static byte[] idatBomb(long seed) {
        return png(Bytes.ihdr(6000, 6000, 8, 6, 0), Bytes.pngChunk("IDAT", zeros(1L << 30)));
    }

    /**
     * A 16-bit RGBA image at the pixel limit whose IDAT inflates to exactly the declared 320 MB: under the ratio
     * limit, so it is decoded, and the decoded samples must still fit in memory.
     */
    static byte[] idatBombAtLimit(long seed) {
        int side = 6320;
        long raw = (long) side * (side * 8L + 1);
        return png(Bytes.ihdr(side, side, 16, 6, 0), Bytes.pngChunk("IDAT", zeros(raw)));
    }

    /** A valid small image whose zlib stream goes on with 64 MiB of zeros past the declared scanlines. */
    static byte[] idatExcess(long seed) {
        return png(Bytes.ihdr(4, 4, 8, 0, 0), Bytes.pngChunk("IDAT", zeros(64L << 20)));
    }

    static byte[] chunkLengthPastEnd(long seed) {
        byte[] b = ValidFiles.get("png-rgb");
        int idat = 8 + 25; // signature + IHDR chunk
        int[] values = {b.length, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000};
        Bytes.putIntBe(b, idat, values[(int) Math.floorMod(seed, values.length)]);
        return b;
    }

    /** An 8-bit palette image using indices up to 255 with a PLTE of two colours. */
    static byte[] plteShort(long seed) {
        Random r = new Random(seed);
        int w = 16;
        int h = 16;
        byte[] raw = new byte[h * (w + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raw[y * (w + 1) + 1 + x] = (byte) r.nextInt(256);
            }
        }
        return png(Bytes.ihdr(w, h, 8, 3, 0), Bytes.pngChunk("PLTE", new byte[] {1, 2, 3, 4, 5, 6}),
                Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    static byte[] plteMissing(long seed) {
        byte[] raw = new byte[8 * 9];
        return png(Bytes.ihdr(8, 8, 8, 3, 0), Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    /** A 4-colour palette with a 256-entry tRNS. */
    static byte[] trnsLongerThanPlte(long seed) {
        byte[] raw = new byte[8 * 9];
        byte[] trns = new byte[256];
        new Random(seed).nextBytes(trns);
        return png(Bytes.ihdr(8, 8, 8, 3, 0), Bytes.pngChunk("PLTE", new byte[12]), Bytes.pngChunk("tRNS", trns),
                Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    /** A PLTE of 300 entries (more than 8 bits can index) and one not a multiple of 3. */
    static byte[] plteTooLong(long seed) {
        byte[] raw = new byte[8 * 9];
        int n = seed % 2 == 0 ? 900 : 10;
        return png(Bytes.ihdr(8, 8, 8, 3, 0), Bytes.pngChunk("PLTE", new byte[n]), Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    /** A tEXt chunk of 8 MiB. */
    static byte[] textHuge(long seed) {
        byte[] text = new byte[8 << 20];
        Arrays.fill(text, (byte) 'A');
        System.arraycopy(Bytes.ascii("Comment\0"), 0, text, 0, 8);
        return withChunksBeforeIdat(Bytes.pngChunk("tEXt", text));
    }

    /** 150,000 small tEXt chunks. */
    static byte[] textMany(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = Bytes.pngChunk("tEXt", Bytes.ascii("k\0v"));
        for (int i = 0; i < 150_000; i++) {
            out.writeBytes(chunk);
        }
        return withChunksBeforeIdat(out.toByteArray());
    }

    /** A zTXt whose text inflates to 1 GiB. */
    static byte[] ztxtBomb(long seed) {
        return withChunksBeforeIdat(Bytes.pngChunk("zTXt", Bytes.concat(Bytes.ascii("Comment\0\0"), zeros(1L << 30))));
    }

    /** A compressed iTXt (XMP keyword) whose text inflates to 1 GiB. */
    static byte[] itxtBomb(long seed) {
        String keyword = seed % 2 == 0 ? "XML:com.adobe.xmp" : "Description";
        return withChunksBeforeIdat(Bytes.pngChunk("iTXt", Bytes.concat(Bytes.ascii(keyword + "\0\1\0\0\0"),
                zeros(1L << 30))));
    }

    /** An eXIf chunk holding a hostile TIFF structure. */
    static byte[] exif(byte[] tiff) {
        return withChunksBeforeIdat(Bytes.pngChunk("eXIf", tiff));
    }

    /** Every chunk's CRC wrong. */
    static byte[] crcErrors(long seed) {
        byte[] b = ValidFiles.get(seed % 2 == 0 ? "png-rgb" : "png-palette");
        for (Structure.Part p : Structure.parts(b)) {
            if (p.lengthField() >= 0) {
                b[p.end() - 1] ^= 0x5A;
            }
        }
        return b;
    }

    /** An interlaced image whose zlib stream (complete and valid) holds only part of the seven passes. */
    static byte[] interlacedTruncatedPass(long seed) {
        int[][] rgb = ValidFiles.rgb(dev.starlight.codecs.image.ImageFormat.PNG, false, 8, seed).planes();
        byte[] scanlines = ValidFiles.adam7Scanlines(rgb, ValidFiles.W, ValidFiles.H);
        int keep = new Random(seed).nextInt(scanlines.length);
        return png(Bytes.ihdr(ValidFiles.W, ValidFiles.H, 8, 2, 1),
                Bytes.pngChunk("IDAT", Bytes.zlib(Arrays.copyOf(scanlines, keep))));
    }

    /** A valid 16-bit image, grey+alpha or RGB, with random samples. */
    static byte[] sixteenBit(long seed) {
        Random r = new Random(seed);
        boolean greyAlpha = r.nextBoolean();
        int w = 1 + r.nextInt(40);
        int h = 1 + r.nextInt(40);
        int bytesPerPixel = greyAlpha ? 4 : 6;
        byte[] raw = new byte[h * (w * bytesPerPixel + 1)];
        r.nextBytes(raw);
        for (int y = 0; y < h; y++) {
            raw[y * (w * bytesPerPixel + 1)] = (byte) r.nextInt(5);
        }
        return png(Bytes.ihdr(w, h, 16, greyAlpha ? 4 : 2, 0), Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    /** Filter type bytes other than 0..4. */
    static byte[] badFilter(long seed) {
        byte[] raw = new byte[8 * 25];
        for (int y = 0; y < 8; y++) {
            raw[y * 25] = (byte) (5 + new Random(seed + y).nextInt(251));
        }
        return png(Bytes.ihdr(8, 8, 8, 2, 0), Bytes.pngChunk("IDAT", Bytes.zlib(raw)));
    }

    /** Bit depth and colour type combinations the format does not allow. */
    static byte[] badHeader(long seed) {
        int[][] combos = {{3, 2}, {16, 3}, {1, 2}, {8, 7}, {0, 0}, {8, 1}, {32, 6}};
        int[] c = combos[(int) Math.floorMod(seed, combos.length)];
        byte[] ihdr = Bytes.ihdr(8, 8, c[0], c[1], (int) Math.floorMod(seed >> 3, 3));
        return png(ihdr, Bytes.pngChunk("IDAT", Bytes.zlib(new byte[8 * 33])));
    }

    /** The image data split into one-byte IDAT chunks. */
    static byte[] idatSplit(long seed) {
        byte[] b = ValidFiles.get("png-rgb");
        List<Structure.Part> parts = Structure.parts(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.PNG_SIGNATURE);
        for (Structure.Part p : parts.subList(1, parts.size())) {
            String type = new String(b, p.offset() + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) {
                for (int i = p.offset() + 8; i < p.end() - 4; i++) {
                    out.writeBytes(Bytes.pngChunk("IDAT", new byte[] {b[i]}));
                }
            } else {
                out.write(b, p.offset(), p.length());
            }
        }
        return out.toByteArray();
    }

    /** The valid RGB file with extra chunks inserted right after IHDR. */
    static byte[] withChunksBeforeIdat(byte[] chunks) {
        byte[] b = ValidFiles.get("png-rgb");
        int afterIhdr = 8 + 25;
        return Bytes.concat(Arrays.copyOf(b, afterIhdr), chunks, Arrays.copyOfRange(b, afterIhdr, b.length));
    }
}
