package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes lossless WebP with {@link Vp8lEncoder}. {@link #replaceSamples} swaps only the VP8L chunk;
 * {@link #replaceExif} sets or adds the EXIF chunk (turning a simple file into the extended format when needed).
 * Other chunks and the trailer are kept byte for byte; the RIFF size is recomputed.
 */
public final class WebpWriter implements ImageWriter {

    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        chunk(body, "VP8L", vp8l(image));
        return riff(body.toByteArray(), new byte[0]);
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        WebpStructure webp = WebpStructure.walk(original, ImageLimits.DEFAULT);
        if (webp.first("VP8L") == null) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "WebP: lossy (VP8) samples cannot be rewritten exactly");
        }
        byte[] payload = vp8l(modified);
        boolean alpha = (payload[4] & 0x10) != 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream(original.length + 1024);
        for (WebpStructure.Chunk c : webp.chunks()) {
            switch (c.type()) {
                case "VP8L" -> chunk(body, "VP8L", payload);
                case "VP8X" -> {
                    byte[] x = java.util.Arrays.copyOfRange(original, c.dataOffset(), c.dataOffset() + c.length());
                    x[0] = (byte) (alpha ? x[0] | 0x10 : x[0] & ~0x10);
                    chunk(body, "VP8X", x);
                }
                default -> body.write(original, c.start(), c.end() - c.start());
            }
        }
        return riff(body.toByteArray(), trailer(original, webp));
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        WebpStructure webp = WebpStructure.walk(original, ImageLimits.DEFAULT);
        ByteArrayOutputStream body = new ByteArrayOutputStream(original.length + tiff.length + 32);
        if (webp.first("VP8X") == null) {
            byte[] x = new byte[10];
            x[0] = (byte) (0x08 | (webp.alpha() ? 0x10 : 0));
            le24(x, 4, webp.width() - 1);
            le24(x, 7, webp.height() - 1);
            chunk(body, "VP8X", x);
        }
        boolean written = false;
        for (WebpStructure.Chunk c : webp.chunks()) {
            switch (c.type()) {
                case "VP8X" -> {
                    byte[] x = java.util.Arrays.copyOfRange(original, c.dataOffset(), c.dataOffset() + c.length());
                    x[0] |= 0x08;
                    chunk(body, "VP8X", x);
                }
                case "EXIF" -> {
                    if (!written) {
                        chunk(body, "EXIF", tiff);
                        written = true;
                    }
                }
                case "XMP " -> {
                    if (!written) {
                        chunk(body, "EXIF", tiff);
                        written = true;
                    }
                    body.write(original, c.start(), c.end() - c.start());
                }
                default -> body.write(original, c.start(), c.end() - c.start());
            }
        }
        if (!written) {
            chunk(body, "EXIF", tiff);
        }
        return riff(body.toByteArray(), trailer(original, webp));
    }

    private static byte[] vp8l(DecodedImage image) {
        if (image.lossy() && image.format() == ImageFormat.WEBP || image.isIndexed()
                || image.colorType() != ColorType.RGB && image.colorType() != ColorType.RGBA || image.bitDepth() != 8) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "WebP: writes 8-bit RGB or RGBA images only");
        }
        int[][] p = image.planes();
        boolean hasAlpha = p.length == 4;
        int[] argb = new int[image.pixelCount()];
        boolean alphaUsed = false;
        for (int i = 0; i < argb.length; i++) {
            int a = hasAlpha ? p[3][i] : 255;
            alphaUsed |= a != 255;
            argb[i] = (a << 24) | (p[0][i] << 16) | (p[1][i] << 8) | p[2][i];
        }
        // an RGBA image keeps its alpha flag even when fully opaque, so it decodes as RGBA again
        return Vp8lEncoder.encode(image.width(), image.height(), argb, alphaUsed || hasAlpha);
    }

    private static byte[] trailer(byte[] original, WebpStructure webp) {
        return java.util.Arrays.copyOfRange(original, webp.riffEnd(), original.length);
    }

    private static byte[] riff(byte[] body, byte[] trailer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12 + trailer.length);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(out, body.length + 4);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes(trailer);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        le32(out, data.length);
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void le24(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
    }
}
