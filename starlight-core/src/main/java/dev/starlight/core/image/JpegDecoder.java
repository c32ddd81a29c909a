package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG: our own segment walker (metadata with offsets, frame size checked against the limits first, the image's
 * end and trailer), pixels from the TwelveMonkeys JPEG reader (baseline and progressive; CMYK/YCCK converted to
 * RGB). Pixels are lossy by nature; the quantised coefficients are what JPEG steganalysis reads.
 */
public final class JpegDecoder implements ImageDecoder {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        JpegStructure jpeg = JpegStructure.walk(data, limits);
        List<MetadataSegment> metadata = metadata(data, jpeg, limits);
        BufferedImage image = read(data, jpeg.imageEnd());
        int w = image.getWidth();
        int h = image.getHeight();
        boolean grey = jpeg.components() == 1;
        int[][] planes = new int[grey ? 1 : 3][w * h];
        if (grey && image.getRaster().getNumBands() == 1) {
            image.getRaster().getSamples(0, 0, w, h, 0, planes[0]);
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int c = row[x];
                    if (grey) {
                        planes[0][y * w + x] = c & 0xFF;
                    } else {
                        planes[0][y * w + x] = (c >>> 16) & 0xFF;
                        planes[1][y * w + x] = (c >>> 8) & 0xFF;
                        planes[2][y * w + x] = c & 0xFF;
                    }
                }
            }
        }
        byte[] trailer = Arrays.copyOfRange(data, jpeg.imageEnd(), data.length);
        return new DecodedImage(ImageFormat.JPEG, w, h, 8, grey ? ColorType.GREY : ColorType.RGB, planes, null, null,
                true, metadata, List.of(new FrameInfo(0, 0, 0, w, h, 0, jpeg.progressive(), false)), jpeg.imageEnd(),
                trailer);
    }

    private static List<MetadataSegment> metadata(byte[] data, JpegStructure jpeg, ImageLimits limits) {
        List<MetadataSegment> out = new ArrayList<>();
        long total = 0;
        for (JpegStructure.Segment s : jpeg.segments()) {
            int m = s.marker();
            if (m != 0xFE && (m < 0xE0 || m > 0xEF)) {
                continue;
            }
            total += s.length();
            if (total > limits.maxMetadataBytes()) {
                throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: metadata above " + limits.maxMetadataBytes());
            }
            if (m == 0xE1 && startsWith(data, s, EXIF)) {
                out.add(segment(data, MetadataSegment.Kind.EXIF, "APP1", s, EXIF.length));
            } else if (m == 0xE1 && startsWith(data, s, XMP)) {
                out.add(segment(data, MetadataSegment.Kind.XMP, "APP1", s, XMP.length));
            } else if (m == 0xE2 && startsWith(data, s, ICC)) {
                out.add(segment(data, MetadataSegment.Kind.ICC, "APP2", s, 0));
            } else if (m == 0xFE) {
                out.add(segment(data, MetadataSegment.Kind.COMMENT, "COM", s, 0));
            } else {
                out.add(segment(data, MetadataSegment.Kind.OTHER, "APP" + (m - 0xE0), s, 0));
            }
        }
        return out;
    }

    private static MetadataSegment segment(byte[] data, MetadataSegment.Kind kind, String key, JpegStructure.Segment s,
                                           int skip) {
        return new MetadataSegment(kind, key, s.dataOffset() + skip,
                Arrays.copyOfRange(data, s.dataOffset() + skip, s.end()));
    }

    static boolean startsWith(byte[] data, JpegStructure.Segment s, byte[] prefix) {
        return s.length() >= prefix.length
                && Arrays.equals(data, s.dataOffset(), s.dataOffset() + prefix.length, prefix, 0, prefix.length);
    }

    private static BufferedImage read(byte[] data, int length) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new ImageDecodeException(ErrorCode.INTERNAL, "no JPEG reader on the class path");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw ImageDecodeException.malformed("JPEG: the reader returned no image");
            }
            return image;
        } catch (ImageDecodeException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new ImageDecodeException(ErrorCode.TRUNCATED, "JPEG: data ends early: " + e.getMessage());
        } catch (Exception e) {
            throw ImageDecodeException.malformed("JPEG: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }
}
