package dev.starlight.lab.hostile;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.FrameInfo;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The valid files that mutations start from, one per supported format variant, small (about 40×30) so that a
 * mutated one scans fast. Built once, in code, always the same bytes.
 */
final class ValidFiles {
    static final int W = 40;
    static final int H = 30;
    private static final int[][] ADAM7 = {
            {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

    private static final Map<String, byte[]> FILES = build();

    private ValidFiles() {
    }

    /** Variant name (png-rgb, gif-palette, jpeg-progressive, ...) to bytes, in a fixed order. */
    static Map<String, byte[]> all() {
        return FILES;
    }

    static byte[] get(String name) {
        return FILES.get(name).clone();
    }

    static String extension(String variant) {
        String format = variant.substring(0, variant.indexOf('-'));
        return format.equals("jpeg") ? "jpg" : format;
    }

    private static Map<String, byte[]> build() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("png-rgb", encode(rgb(ImageFormat.PNG, false, 8, 1)));
        m.put("png-rgba", encode(rgb(ImageFormat.PNG, true, 8, 2)));
        m.put("png-palette", encode(indexed(ImageFormat.PNG, 256, false, 3)));
        m.put("png-palette-trns", encode(indexed(ImageFormat.PNG, 16, true, 4)));
        m.put("png-rgb16", encode(rgb(ImageFormat.PNG, false, 16, 5)));
        m.put("png-interlaced", interlacedPng(6));
        m.put("gif-palette", encode(indexed(ImageFormat.GIF, 256, false, 7)));
        m.put("gif-small", encode(indexed(ImageFormat.GIF, 4, false, 8)));
        m.put("jpeg-baseline", encode(rgb(ImageFormat.JPEG, false, 8, 9)));
        m.put("jpeg-progressive", progressiveJpeg(10));
        m.put("bmp-rgb", encode(rgb(ImageFormat.BMP, false, 8, 11)));
        m.put("bmp-palette", encode(indexed(ImageFormat.BMP, 256, false, 12)));
        m.put("webp-lossless", encode(rgb(ImageFormat.WEBP, true, 8, 13)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static byte[] encode(DecodedImage image) {
        return ImageCodecs.writer(image.format()).encode(image);
    }

    static DecodedImage rgb(ImageFormat format, boolean alpha, int bitDepth, long seed) {
        return rgb(format, W, H, alpha, bitDepth, seed);
    }

    static DecodedImage rgb(ImageFormat format, int w, int h, boolean alpha, int bitDepth, long seed) {
        Random random = new Random(seed);
        int max = (1 << bitDepth) - 1;
        int[][] p = new int[alpha ? 4 : 3][w * h];
        for (int i = 0; i < w * h; i++) {
            int x = i % w;
            int y = i / w;
            for (int c = 0; c < 3; c++) {
                double v = (x * (c + 1) + y * (3 - c)) / (double) (w + h) / 2.5 + random.nextGaussian() * 0.02;
                p[c][i] = Math.max(0, Math.min(max, (int) Math.round(v * max)));
            }
            if (alpha) {
                p[3][i] = max - random.nextInt(2);
            }
        }
        return image(format, w, h, bitDepth, alpha ? ColorType.RGBA : ColorType.RGB, p, null, null);
    }

    static DecodedImage indexed(ImageFormat format, int colours, boolean transparency, long seed) {
        return indexed(format, W, H, colours, transparency, seed);
    }

    static DecodedImage indexed(ImageFormat format, int w, int h, int colours, boolean transparency, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[colours];
        int[] alpha = transparency ? new int[colours] : null;
        for (int i = 0; i < colours; i++) {
            rgb[i] = random.nextInt(1 << 24);
            if (alpha != null) {
                alpha[i] = random.nextInt(256);
            }
        }
        Palette palette = new Palette(rgb, alpha);
        int[] indices = new int[w * h];
        int[][] p = new int[alpha != null ? 4 : 3][w * h];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (i / 7 + random.nextInt(3)) % colours;
            p[0][i] = palette.red(indices[i]);
            p[1][i] = palette.green(indices[i]);
            p[2][i] = palette.blue(indices[i]);
            if (alpha != null) {
                p[3][i] = alpha[indices[i]];
            }
        }
        int bitDepth = colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
        return image(format, w, h, bitDepth, ColorType.INDEXED, p, palette, indices);
    }

    private static DecodedImage image(ImageFormat format, int w, int h, int bitDepth, ColorType type, int[][] planes,
                                      Palette palette, int[] indices) {
        return new DecodedImage(format, w, h, bitDepth, type, planes, palette, indices, format == ImageFormat.JPEG,
                List.of(), List.of(new FrameInfo(0, 0, 0, w, h, 0, false, false)), 0, new byte[0]);
    }

    /** A valid image of an extreme shape (1x1, 1xN, Nx1, 2x2, ...) in {@code format}, drawn from the seed. */
    static byte[] extremeShape(ImageFormat format, long seed) {
        int[][] shapes = {{1, 1}, {1, 2}, {2, 1}, {1, 3000}, {3000, 1}, {2, 2}, {3, 7}, {9, 1}, {1, 17}, {8, 8}};
        Random r = new Random(seed);
        int[] s = shapes[r.nextInt(shapes.length)];
        DecodedImage img = format == ImageFormat.GIF || (format != ImageFormat.JPEG && r.nextInt(3) == 0)
                ? indexed(format, s[0], s[1], 1 + r.nextInt(format == ImageFormat.WEBP ? 1 : 256), false, seed)
                : rgb(format, s[0], s[1], format != ImageFormat.JPEG && r.nextBoolean(),
                        format == ImageFormat.PNG && r.nextBoolean() ? 16 : 8, seed);
        return encode(img);
    }

    /** An Adam7-interlaced 8-bit RGB PNG (the project's writer writes only non-interlaced files). */
    static byte[] interlacedPng(long seed) {
        DecodedImage img = rgb(ImageFormat.PNG, false, 8, seed);
        return Bytes.concat(Bytes.PNG_SIGNATURE, Bytes.ihdr(W, H, 8, 2, 1),
                Bytes.pngChunk("IDAT", Bytes.zlib(adam7Scanlines(img.planes(), W, H))),
                Bytes.pngChunk("IEND", new byte[0]));
    }

    /** The filtered (filter 0) scanlines of the seven passes, 3 bytes per pixel. */
    static byte[] adam7Scanlines(int[][] rgb, int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] pass : ADAM7) {
            int pw = (w - pass[0] + pass[2] - 1) / pass[2];
            int ph = (h - pass[1] + pass[3] - 1) / pass[3];
            if (pw <= 0 || ph <= 0) {
                continue;
            }
            for (int py = 0; py < ph; py++) {
                out.write(0);
                int y = pass[1] + py * pass[3];
                for (int px = 0; px < pw; px++) {
                    int x = pass[0] + px * pass[2];
                    for (int c = 0; c < 3; c++) {
                        out.write(rgb[c][y * w + x]);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** A progressive JPEG from the JDK's writer. */
    static byte[] progressiveJpeg(long seed) {
        DecodedImage img = rgb(ImageFormat.JPEG, false, 8, seed);
        BufferedImage bi = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int c = 0; c < 3; c++) {
            bi.getRaster().setSamples(0, 0, W, H, c, img.planes()[c]);
        }
        Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        javax.imageio.ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(bi, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
