package dev.starlight.codecs.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import dev.starlight.codecs.ErrorCode;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * JPEG: the marker structure is walked here ({@link JpegStructure}); pixels come from the TwelveMonkeys JPEG
 * reader, as 8-bit RGB (CMYK and YCCK converted) or grey. Arithmetic-coded frames (SOF9, SOF10) are read by
 * {@link JpegCoefficientReader} and rewritten losslessly as Huffman ({@link JpegHuffmanRewriter}) for that reader.
 * Stray bytes between segments are skipped and a file that ends inside its scans is decoded as far as it goes
 * (the reader fills the rest); both are said in {@link DecodedImage#warnings()}. Metadata: APP1 {@code Exif\0\0} (data from the TIFF
 * header), APP1 XMP (data after the namespace), APP2 {@code ICC_PROFILE} (data after the 14-byte chunk header,
 * one segment per chunk), COM, and any other APPn as OTHER keyed {@code "APPn"}.
 */
public final class JpegDecoder implements ImageDecoder {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_EXT = "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public ImageFormat format() {
        return ImageFormat.JPEG;
    }

    @Override
    public DecodedImage decode(byte[] data, ImageLimits limits) {
        JpegStructure js = JpegStructure.parse(data);
        if (js.width > limits.maxDimension() || js.height > limits.maxDimension()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + js.width + "x" + js.height
                    + " exceeds the dimension limit " + limits.maxDimension());
        }
        long pixels = (long) js.width * js.height;
        if (pixels > limits.maxPixels()) {
            throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: " + js.width + "x" + js.height + " = "
                    + pixels + " pixels exceeds the limit " + limits.maxPixels());
        }
        // every 8x8 block costs at least one bit per component, so real JPEGs stay far below the ratio limit
        limits.checkExpansion("JPEG", pixels, 3, js.imageEnd);
        limits.checkHeap("JPEG", pixels);
        List<MetadataSegment> metadata = metadata(data, js, limits);
        List<DecodeWarning> warnings = warnings(js);
        byte[] source = js.cleanedBytes(data);
        int sourceLength = source == data ? js.imageEnd : source.length;
        if (js.sofMarker == 0xC9 || js.sofMarker == 0xCA) {
            // no ImageIO reader decodes arithmetic coding: read the coefficients ourselves, show them as Huffman.
            // Their arrays (2 bytes per sample per component) and the rewritten stream come on top of the pixels.
            long extraBytes = pixels * (2L * js.components + 1);
            limits.checkHeap("JPEG arithmetic coefficients", extraBytes / ImageLimits.HEAP_BYTES_PER_PIXEL);
            source = JpegHuffmanRewriter.rewrite(source, JpegStructure.parse(source).segments,
                    JpegCoefficientReader.read(source, limits));
            sourceLength = source.length;
        }
        BufferedImage img = ImageIoPixels.read(readerSpi(), source, sourceLength, "JPEG");
        if (img.getWidth() != js.width || img.getHeight() != js.height) {
            throw ImageDecodeException.malformed("JPEG: reader returned " + img.getWidth() + "x" + img.getHeight()
                    + ", SOF declares " + js.width + "x" + js.height);
        }
        int w = js.width;
        int h = js.height;
        int n = w * h;
        Raster raster = img.getRaster();
        boolean grey = raster.getNumBands() == 1
                && img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int[][] planes;
        ColorType type;
        if (grey) {
            type = ColorType.GREY;
            planes = new int[][] {raster.getSamples(0, 0, w, h, 0, new int[n])};
        } else {
            type = ColorType.RGB;
            planes = new int[3][n];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                int base = y * w;
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    planes[0][base + x] = (argb >>> 16) & 0xFF;
                    planes[1][base + x] = (argb >>> 8) & 0xFF;
                    planes[2][base + x] = argb & 0xFF;
                }
            }
        }
        byte[] trailer = Arrays.copyOfRange(data, js.imageEnd, data.length);
        boolean progressive = js.sofMarker == 0xC2 || js.sofMarker == 0xCA;
        return new DecodedImage(ImageFormat.JPEG, w, h, 8, type, planes, null, null, true, metadata,
                List.of(new FrameInfo(0, 0, 0, w, h, 0, progressive, false)), js.imageEnd, trailer, warnings);
    }

    private static List<DecodeWarning> warnings(JpegStructure js) {
        List<DecodeWarning> out = new ArrayList<>();
        for (int[] stray : js.strayBytes) {
            out.add(new DecodeWarning(DecodeWarning.STRAY_BYTES, "JPEG: " + stray[1] + " stray byte"
                    + (stray[1] == 1 ? "" : "s") + " at offset " + stray[0] + " before the next marker, skipped"));
        }
        if (js.truncated()) {
            out.add(new DecodeWarning(DecodeWarning.TRUNCATED, "JPEG: the data ends at offset " + js.truncatedAt
                    + " of " + js.imageEnd + " inside scan " + js.scans + " (no EOI); decoded what is there, the"
                    + " rest of the image is filled by the decoder"));
        }
        return out;
    }

    static List<MetadataSegment> metadata(byte[] data, JpegStructure js, ImageLimits limits) {
        List<MetadataSegment> out = new ArrayList<>();
        long total = 0;
        for (JpegSegment s : js.segments) {
            if (!s.isApp() && s.marker() != JpegStructure.COM) {
                continue;
            }
            total += s.length();
            if (total > limits.maxMetadataBytes()) {
                throw new ImageDecodeException(ErrorCode.TOO_LARGE, "JPEG: metadata segments exceed "
                        + limits.maxMetadataBytes() + " bytes at the segment at offset " + s.offset());
            }
            MetadataSegment.Kind kind = MetadataSegment.Kind.OTHER;
            int skip = 0;
            String key = "APP" + (s.marker() - 0xE0);
            if (s.marker() == JpegStructure.COM) {
                kind = MetadataSegment.Kind.COMMENT;
                key = "COM";
            } else if (s.marker() == 0xE1 && startsWith(data, s.dataOffset(), s.end(), EXIF)) {
                kind = MetadataSegment.Kind.EXIF;
                skip = EXIF.length;
            } else if (s.marker() == 0xE1 && startsWith(data, s.dataOffset(), s.end(), XMP)) {
                kind = MetadataSegment.Kind.XMP;
                skip = XMP.length;
            } else if (s.marker() == 0xE1 && startsWith(data, s.dataOffset(), s.end(), XMP_EXT)) {
                kind = MetadataSegment.Kind.XMP;
                skip = XMP_EXT.length;
            } else if (s.marker() == 0xE2 && startsWith(data, s.dataOffset(), s.end(), ICC)
                    && s.length() >= ICC.length + 2) {
                kind = MetadataSegment.Kind.ICC;
                skip = ICC.length + 2; // sequence number and chunk count
            }
            int from = s.dataOffset() + skip;
            out.add(new MetadataSegment(kind, key, from, Arrays.copyOfRange(data, from, s.end())));
        }
        return out;
    }

    static boolean startsWith(byte[] data, int from, int limit, byte[] prefix) {
        if (limit - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The TwelveMonkeys JPEG reader as registered with ImageIO (it finds the JDK reader it delegates to when it
     * is registered, so a bare {@code new JPEGImageReaderSpi()} does not work), else the first JPEG reader.
     */
    private static ImageReaderSpi readerSpi() {
        ImageReaderSpi spi = IIORegistry.getDefaultInstance().getServiceProviderByClass(JPEGImageReaderSpi.class);
        if (spi != null) {
            return spi;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new ImageDecodeException(ErrorCode.INTERNAL, "no JPEG reader available");
        }
        return readers.next().getOriginatingProvider();
    }

}
