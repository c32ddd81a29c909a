package dev.starlight.codecs.image;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG writing. Samples cannot be replaced losslessly ({@code METHOD_NOT_APPLICABLE}); the EXIF APP1 segment is
 * replaced (or inserted after SOI and any APP0 segments) with every other byte of the file kept; {@link #encode}
 * writes a new baseline JPEG with the JDK writer at quality 0.95.
 */
public final class JpegWriter implements ImageWriter {
    /** Most TIFF bytes one APP1 segment can carry: 65535 - 2 (length field) - 6 ({@code Exif\0\0}). */
    static final int MAX_TIFF = 65535 - 2 - 6;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public byte[] replaceSamples(byte[] original, DecodedImage modified) {
        throw new StarlightException(ErrorCode.METHOD_NOT_APPLICABLE,
                "JPEG is lossy: decoded samples cannot be stored back exactly");
    }

    @Override
    public byte[] replaceExif(byte[] original, byte[] tiff) {
        checkTiff(tiff);
        if (tiff.length > MAX_TIFF) {
            throw new StarlightException(ErrorCode.CAPACITY_EXCEEDED, "EXIF block of " + tiff.length
                    + " bytes does not fit one JPEG APP1 segment (at most " + MAX_TIFF + " bytes)");
        }
        JpegStructure js = JpegStructure.parse(original);
        int cutFrom = -1;
        int cutTo = -1;
        for (JpegSegment s : js.segments) {
            if (s.marker() == 0xE1 && JpegDecoder.startsWith(original, s.dataOffset(), s.end(), EXIF)) {
                cutFrom = s.offset();
                cutTo = s.end();
                break;
            }
        }
        if (cutFrom < 0) {
            int at = 2;
            for (int i = 1; i < js.segments.size() && js.segments.get(i).marker() == 0xE0; i++) {
                at = js.segments.get(i).end();
            }
            cutFrom = at;
            cutTo = at;
        }
        int segLength = 2 + EXIF.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + segLength + 2);
        out.write(original, 0, cutFrom);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segLength >> 8);
        out.write(segLength & 0xFF);
        out.write(EXIF, 0, EXIF.length);
        out.write(tiff, 0, tiff.length);
        out.write(original, cutTo, original.length - cutTo);
        return out.toByteArray();
    }

    static void checkTiff(byte[] tiff) {
        boolean ok = tiff != null && tiff.length >= 8
                && ((tiff[0] == 'I' && tiff[1] == 'I' && tiff[2] == 42 && tiff[3] == 0)
                || (tiff[0] == 'M' && tiff[1] == 'M' && tiff[2] == 0 && tiff[3] == 42));
        if (!ok) {
            throw new StarlightException(ErrorCode.MALFORMED, "EXIF block must start with a TIFF header (II*\\0 or MM\\0*)");
        }
    }

    @Override
    public byte[] encode(DecodedImage image) {
        int w = image.width();
        int h = image.height();
        int[][] colour = image.colourPlanes();
        boolean grey = colour.length == 1;
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = img.getRaster();
        int max = image.isIndexed() ? 255 : image.maxSample();
        int n = w * h;
        for (int b = 0; b < colour.length; b++) {
            int[] samples = colour[b];
            if (max != 255) {
                samples = new int[n];
                for (int i = 0; i < n; i++) {
                    samples[i] = (int) Math.round(colour[b][i] * 255.0 / max);
                }
            }
            raster.setSamples(0, 0, w, h, b, samples);
        }
        Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new StarlightException(ErrorCode.INTERNAL, "no JPEG writer available");
        }
        javax.imageio.ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new StarlightException(ErrorCode.INTERNAL, "JPEG encoding failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
