package dev.starlight.core.image;

import dev.starlight.core.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * WebP: our own RIFF walker (chunks, metadata with offsets, the declared size checked against the limits before
 * any decoding), pixels from the TwelveMonkeys WebP reader. Lossless (VP8L) images give their exact ARGB values,
 * non-premultiplied; an alpha plane is present only when the file declares alpha. Animated files are refused
 * with UNSUPPORTED_FEATURE.
 */
public final class WebpDecoder implements ImageDecoder {

    @Override
    public ImageFormat format() {
        return ImageFormat.WEBP;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        WebpStructure webp = WebpStructure.walk(data, limits);
        if (webp.animated()) {
            throw new ImageDecodeException(ErrorCode.UNSUPPORTED_FEATURE, "WebP: animation");
        }
        List<MetadataSegment> metadata = new ArrayList<>();
        long total = 0;
        for (WebpStructure.Chunk c : webp.chunks()) {
            MetadataSegment.Kind kind = switch (c.type()) {
                case "EXIF" -> MetadataSegment.Kind.EXIF;
                case "XMP " -> MetadataSegment.Kind.XMP;
                case "ICCP" -> MetadataSegment.Kind.ICC;
                case "VP8 ", "VP8L", "VP8X", "ALPH" -> null;
                default -> MetadataSegment.Kind.OTHER;
            };
            if (kind != null) {
                total += c.length();
                if (total > limits.maxMetadataBytes()) {
                    throw new ImageDecodeException(ErrorCode.TOO_LARGE, "WebP: metadata above " + limits.maxMetadataBytes());
                }
                metadata.add(new MetadataSegment(kind, c.type().trim(), c.dataOffset(),
                        Arrays.copyOfRange(data, c.dataOffset(), c.dataOffset() + c.length())));
            }
        }
        BufferedImage image = read(data, webp.riffEnd());
        if (image.getWidth() != webp.width() || image.getHeight() != webp.height()) {
            throw ImageDecodeException.malformed("WebP: decoded " + image.getWidth() + "x" + image.getHeight()
                    + ", header says " + webp.width() + "x" + webp.height());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = webp.alpha();
        int[][] planes = new int[alpha ? 4 : 3][w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                planes[0][base + x] = (argb >>> 16) & 0xFF;
                planes[1][base + x] = (argb >>> 8) & 0xFF;
                planes[2][base + x] = argb & 0xFF;
                if (alpha) {
                    planes[3][base + x] = argb >>> 24;
                }
            }
        }
        byte[] trailer = Arrays.copyOfRange(data, webp.riffEnd(), data.length);
        return new DecodedImage(ImageFormat.WEBP, w, h, 8, alpha ? ColorType.RGBA : ColorType.RGB, planes, null, null,
                !webp.lossless(), metadata, List.of(new FrameInfo(0, 0, 0, w, h, 0, false, false)), webp.riffEnd(),
                trailer);
    }

    private static BufferedImage read(byte[] data, int length) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("webp");
        if (!readers.hasNext()) {
            throw new ImageDecodeException(ErrorCode.INTERNAL, "no WebP reader on the class path (TwelveMonkeys)");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw ImageDecodeException.malformed("WebP: the reader returned no image");
            }
            return image;
        } catch (ImageDecodeException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new ImageDecodeException(ErrorCode.TRUNCATED, "WebP: image data ends early: " + e.getMessage());
        } catch (Exception e) {
            throw ImageDecodeException.malformed("WebP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }
}
