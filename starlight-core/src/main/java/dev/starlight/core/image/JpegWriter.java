package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes JPEG through ImageIO (quality 0.95). Samples cannot be replaced exactly in a lossy file;
 * {@link #replaceExif} swaps the EXIF APP1 segment (or inserts one after SOI and any JFIF APP0) and keeps every
 * other byte.
 */
public final class JpegWriter implements ImageWriter {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public byte[] encode(DecodedImage image) {
        boolean grey = image.colorType() == ColorType.GREY;
        if (!grey && image.colorType() != ColorType.RGB || image.bitDepth() != 8) {
            throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "JPEG: writes 8-bit grey or RGB images only");
        }
        int w = image.width();
        int h = image.height();
        BufferedImage bi = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int[][] p = image.planes();
        if (grey) {
            bi.getRaster().setSamples(0, 0, w, h, 0, p[0]);
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    row[x] = (p[0][i] << 16) | (p[1][i] << 8) | p[2][i];
                }
                bi.setRGB(0, y, w, 1, row, 0, w);
            }
        }
        Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        javax.imageio.ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(bi, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE, "JPEG is lossy: samples cannot be rewritten exactly");
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        int segmentLength = 2 + EXIF.length + tiff.length;
        if (segmentLength > 0xFFFF) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED, "JPEG: EXIF segment of " + segmentLength
                    + " bytes exceeds 65535");
        }
        JpegStructure jpeg = JpegStructure.walk(original, ImageLimits.DEFAULT);
        int insertAt = 2;
        if (!jpeg.segments().isEmpty() && jpeg.segments().get(0).marker() == 0xE0
                && jpeg.segments().get(0).start() == 2) {
            insertAt = jpeg.segments().get(0).end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + segmentLength + 2);
        int copied = 0;
        boolean written = false;
        for (JpegStructure.Segment s : jpeg.segments()) {
            boolean exif = s.marker() == 0xE1 && JpegDecoder.startsWith(original, s, EXIF);
            if (!written && (exif || s.start() >= insertAt)) {
                out.write(original, copied, s.start() - copied);
                writeExif(out, tiff, segmentLength);
                written = true;
                copied = s.start();
            }
            if (exif) {
                out.write(original, copied, s.start() - copied);
                copied = s.end();
            }
        }
        if (!written) {
            out.write(original, 0, insertAt);
            writeExif(out, tiff, segmentLength);
            copied = insertAt;
        }
        out.write(original, copied, original.length - copied);
        return out.toByteArray();
    }

    private static void writeExif(ByteArrayOutputStream out, byte[] tiff, int segmentLength) {
        out.write(0xFF);
        out.write(0xE1);
        out.write(segmentLength >>> 8);
        out.write(segmentLength);
        out.writeBytes(EXIF);
        out.writeBytes(tiff);
    }
}
