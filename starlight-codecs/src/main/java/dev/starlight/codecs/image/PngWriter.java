package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes PNG. {@link #replaceSamples} and {@link #replaceExif} rewrite only what they must (the IDAT stream and
 * IHDR's interlace flag, or the eXIf chunk) and copy every other chunk and the trailer byte for byte.
 */
public final class PngWriter implements ImageWriter {

    @Override
    public ImageFormat format() {
        return ImageFormat.PNG;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        int colorType = pngColorType(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngChunk.SIGNATURE);
        PngChunk.write(out, "IHDR", ihdr(image.width(), image.height(), image.bitDepth(), colorType));
        if (colorType == 3) {
            Palette p = image.palette();
            byte[] plte = new byte[p.size() * 3];
            for (int i = 0; i < p.size(); i++) {
                plte[3 * i] = (byte) p.red(i);
                plte[3 * i + 1] = (byte) p.green(i);
                plte[3 * i + 2] = (byte) p.blue(i);
            }
            PngChunk.write(out, "PLTE", plte);
            if (p.alpha() != null) {
                byte[] trns = new byte[p.size()];
                for (int i = 0; i < p.size(); i++) {
                    trns[i] = (byte) p.alpha(i);
                }
                PngChunk.write(out, "tRNS", trns);
            }
        }
        PngChunk.write(out, "IDAT", compress(image, colorType));
        PngChunk.write(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        List<PngChunk> chunks = PngChunk.walk(original);
        PngHeader header = PngHeader.read(original, chunks.get(0), ImageLimits.DEFAULT);
        if (header.width() != modified.width() || header.height() != modified.height()
                || header.bitDepth() != modified.bitDepth() || header.colorTypeModel() != modified.colorType()) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "PNG: modified samples do not match IHDR");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
        out.writeBytes(PngChunk.SIGNATURE);
        boolean idatWritten = false;
        for (PngChunk c : chunks) {
            switch (c.type()) {
                case "IHDR" -> PngChunk.write(out, "IHDR", ihdr(header.width(), header.height(), header.bitDepth(),
                        header.colorType()));
                case "IDAT" -> {
                    if (!idatWritten) {
                        PngChunk.write(out, "IDAT", compress(modified, header.colorType()));
                        idatWritten = true;
                    }
                }
                default -> out.write(original, c.start(), c.end() - c.start());
            }
        }
        int end = chunks.get(chunks.size() - 1).end();
        out.write(original, end, original.length - end);
        return out.toByteArray();
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        List<PngChunk> chunks = PngChunk.walk(original);
        boolean hasExif = chunks.stream().anyMatch(c -> c.type().equals("eXIf"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + tiff.length + 12);
        out.writeBytes(PngChunk.SIGNATURE);
        boolean written = false;
        for (PngChunk c : chunks) {
            if (c.type().equals("eXIf")) {
                if (!written) {
                    PngChunk.write(out, "eXIf", tiff);
                    written = true;
                }
                continue;
            }
            if (!hasExif && !written && c.type().equals("IDAT")) {
                PngChunk.write(out, "eXIf", tiff);
                written = true;
            }
            out.write(original, c.start(), c.end() - c.start());
        }
        int end = chunks.get(chunks.size() - 1).end();
        out.write(original, end, original.length - end);
        return out.toByteArray();
    }

    private static int pngColorType(DecodedImage image) {
        return switch (image.colorType()) {
            case GREY -> 0;
            case RGB -> 2;
            case INDEXED -> 3;
            case GREY_ALPHA -> 4;
            case RGBA -> 6;
        };
    }

    private static byte[] ihdr(int width, int height, int bitDepth, int colorType) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(13);
        PngChunk.writeInt(b, width);
        PngChunk.writeInt(b, height);
        b.write(bitDepth);
        b.write(colorType);
        b.write(0);
        b.write(0);
        b.write(0);
        return b.toByteArray();
    }

    /** Packs, filters (per row, the filter with the smallest sum of absolute values) and deflates the samples. */
    private static byte[] compress(DecodedImage image, int colorType) {
        int width = image.width();
        int height = image.height();
        int bitDepth = image.bitDepth();
        int[][] planes = colorType == 3 ? new int[][] {image.indices()} : image.planes();
        int channels = planes.length;
        int rowBytes = (int) (((long) width * channels * bitDepth + 7) / 8);
        int bpp = Math.max(1, channels * bitDepth / 8);
        boolean adaptive = bitDepth >= 8 && colorType != 3;
        byte[] filtered = new byte[height * (rowBytes + 1)];
        byte[] prev = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] candidate = new byte[rowBytes];
        byte[] best = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            pack(planes, bitDepth, width, y, row);
            int bestFilter = 0;
            System.arraycopy(row, 0, best, 0, rowBytes);
            if (adaptive) {
                long bestCost = cost(row);
                for (int f = 1; f <= 4; f++) {
                    filterRow(f, row, prev, bpp, candidate);
                    long c = cost(candidate);
                    if (c < bestCost) {
                        bestCost = c;
                        bestFilter = f;
                        System.arraycopy(candidate, 0, best, 0, rowBytes);
                    }
                }
            }
            int o = y * (rowBytes + 1);
            filtered[o] = (byte) bestFilter;
            System.arraycopy(best, 0, filtered, o + 1, rowBytes);
            byte[] t = prev;
            prev = row;
            row = t;
        }
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(filtered);
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream(filtered.length / 2 + 64);
            byte[] buf = new byte[65536];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                z.write(buf, 0, n);
            }
            return z.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void pack(int[][] planes, int bitDepth, int width, int y, byte[] row) {
        int base = y * width;
        if (bitDepth == 8) {
            int k = 0;
            for (int x = 0; x < width; x++) {
                for (int[] plane : planes) {
                    row[k++] = (byte) plane[base + x];
                }
            }
        } else if (bitDepth == 16) {
            int k = 0;
            for (int x = 0; x < width; x++) {
                for (int[] plane : planes) {
                    int v = plane[base + x];
                    row[k++] = (byte) (v >>> 8);
                    row[k++] = (byte) v;
                }
            }
        } else {
            java.util.Arrays.fill(row, (byte) 0);
            int perByte = 8 / bitDepth;
            int mask = (1 << bitDepth) - 1;
            for (int x = 0; x < width; x++) {
                int shift = 8 - bitDepth * (x % perByte + 1);
                row[x / perByte] |= (byte) ((planes[0][base + x] & mask) << shift);
            }
        }
    }

    private static void filterRow(int f, byte[] row, byte[] prev, int bpp, byte[] out) {
        for (int i = 0; i < row.length; i++) {
            int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
            int x = row[i] & 0xFF;
            out[i] = (byte) switch (f) {
                case 1 -> x - a;
                case 2 -> x - b;
                case 3 -> x - ((a + b) >>> 1);
                default -> x - PngDecoder.paeth(a, b, c);
            };
        }
    }

    private static long cost(byte[] row) {
        long sum = 0;
        for (byte v : row) {
            sum += Math.abs((int) v);
        }
        return sum;
    }
}
