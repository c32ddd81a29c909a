package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * The coefficient reader against the pixel decoder: dequantised coefficients through a plain float IDCT must
 * give the luma of the pixels TwelveMonkeys decodes, for baseline, progressive and restart-interval files.
 */
class JpegCoefficientReaderTest {
    /** Mean absolute difference allowed between IDCT luma and the decoder's luma (0..255 scale). */
    static final double MAX_MEAN_LUMA_ERROR = 1.0;

    @Test
    void lumaFromCoefficientsMatchesTheDecodedPixelsOnEveryCorpusJpeg() throws IOException {
        List<Path> jpegs = Corpus.covers().stream()
                .filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".jpeg")).toList();
        assertThat(jpegs).hasSize(77);
        double worst = 0;
        for (Path p : jpegs) {
            byte[] file = Files.readAllBytes(p);
            double err = meanLumaError(file);
            worst = Math.max(worst, err);
            assertThat(err).as(p.getFileName().toString()).isLessThan(MAX_MEAN_LUMA_ERROR);
        }
        System.out.printf("corpus JPEGs: worst mean |IDCT luma - decoded luma| = %.3f%n", worst);
    }

    @Test
    void progressiveJpegGivesTheSameLumaAsItsPixels() throws IOException {
        byte[] file = encode(picture(203, 141, 7), true, 0, 0.85f);
        JpegCoefficients c = JpegCoefficientReader.read(file);
        assertThat(c.progressive()).isTrue();
        assertThat(meanLumaError(file)).isLessThan(MAX_MEAN_LUMA_ERROR);
    }

    @Test
    void restartIntervalsAreFollowed() throws IOException {
        byte[] file = encode(picture(150, 97, 3), false, 3, 0.9f);
        assertThat(containsMarker(file, 0xDD)).isTrue();
        assertThat(containsMarker(file, 0xD0)).isTrue();
        assertThat(meanLumaError(file)).isLessThan(MAX_MEAN_LUMA_ERROR);
    }

    @Test
    void restartIntervalsInAProgressiveFileAreFollowed() throws IOException {
        byte[] file = encode(picture(130, 77, 5), true, 2, 0.9f);
        assertThat(containsMarker(file, 0xDD)).isTrue();
        assertThat(meanLumaError(file)).isLessThan(MAX_MEAN_LUMA_ERROR);
    }

    @Test
    void blockGridCoversCeilOfTheComponentSize() throws IOException {
        byte[] file = encode(picture(203, 141, 7), false, 0, 0.8f);
        JpegCoefficients c = JpegCoefficientReader.read(file);
        assertThat(c.components()).hasSize(3);
        assertThat(c.luma().blocksWide()).isEqualTo(26);
        assertThat(c.luma().blocksHigh()).isEqualTo(18);
        // the JDK writer subsamples chroma 2x2: ceil(ceil(203 / 2) / 8) = 13, ceil(ceil(141 / 2) / 8) = 9
        assertThat(c.components().get(1).blocksWide()).isEqualTo(13);
        assertThat(c.components().get(1).blocksHigh()).isEqualTo(9);
        assertThat(c.luma().coefficients()).hasSize(26 * 18 * 64);
    }

    @Test
    void greyscaleJpegHasOneComponent() throws IOException {
        BufferedImage grey = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture(40, 24, 1), 0, 0, null);
        byte[] file = encode(grey, false, 0, 0.9f);
        JpegCoefficients c = JpegCoefficientReader.read(file);
        assertThat(c.components()).hasSize(1);
        assertThat(meanLumaError(file)).isLessThan(MAX_MEAN_LUMA_ERROR);
    }

    @Test
    void losslessArithmeticCodingIsRefusedAsUnsupported() throws IOException {
        byte[] file = encode(picture(32, 32, 1), false, 0, 0.9f);
        setSof(file, 0xCB);
        assertThatThrownBy(() -> JpegCoefficientReader.read(file)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("lossless, arithmetic").extracting(e -> ((ImageDecodeException) e).code())
                .isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
    }

    @Test
    void losslessAndHierarchicalFramesAreRefusedAsUnsupported() throws IOException {
        for (int sof : new int[] {0xC3, 0xC5}) {
            byte[] file = encode(picture(32, 32, 1), false, 0, 0.9f);
            setSof(file, sof);
            assertThatThrownBy(() -> JpegCoefficientReader.read(file))
                    .extracting(e -> ((ImageDecodeException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
        }
    }

    @Test
    void truncatedFileIsTruncated() throws IOException {
        byte[] file = encode(picture(64, 64, 2), false, 0, 0.9f);
        for (int cut : new int[] {file.length - 2, file.length / 2, 300}) {
            byte[] part = java.util.Arrays.copyOf(file, cut);
            assertThatThrownBy(() -> JpegCoefficientReader.read(part))
                    .extracting(e -> ((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TRUNCATED);
        }
    }

    @Test
    void smallFileDeclaringAHugeFrameIsADecompressionBomb() throws IOException {
        byte[] file = encode(picture(8, 8, 2), false, 0, 0.9f);
        int sof = indexOfMarker(file, 0xC0);
        file[sof + 5] = 0x17; // height 6000
        file[sof + 6] = 0x70;
        file[sof + 7] = 0x17; // width 6000
        file[sof + 8] = 0x70;
        assertThatThrownBy(() -> JpegCoefficientReader.read(file))
                .extracting(e -> ((ImageDecodeException) e).code()).isEqualTo(ErrorCode.DECOMPRESSION_BOMB);
    }

    @Test
    void frameAbovePixelLimitIsTooLarge() throws IOException {
        byte[] file = encode(picture(64, 64, 2), false, 0, 0.9f);
        assertThatThrownBy(() -> JpegCoefficientReader.read(file, ImageLimits.DEFAULT.withMaxPixels(1000)))
                .extracting(e -> ((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    // ---- helpers shared with the other JPEG tests

    /** Mean |luma from coefficients - luma of the decoded RGB| over the image. */
    static double meanLumaError(byte[] file) {
        JpegCoefficients c = JpegCoefficientReader.read(file);
        DecodedImage img = ImageCodecs.decode(file);
        int[] luma = idctLuma(c);
        int w = c.width();
        int stride = c.luma().blocksWide() * 8;
        double sum = 0;
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < w; x++) {
                double ref;
                if (img.planes().length == 1) {
                    ref = img.planes()[0][y * w + x];
                } else {
                    int i = y * w + x;
                    ref = 0.299 * img.planes()[0][i] + 0.587 * img.planes()[1][i] + 0.114 * img.planes()[2][i];
                }
                sum += Math.abs(luma[y * stride + x] - ref);
            }
        }
        return sum / ((double) w * c.height());
    }

    /** Dequantise and inverse-DCT the first component (T.81 A.3.3), straight from the formula. */
    static int[] idctLuma(JpegCoefficients c) {
        JpegCoefficients.Component y = c.luma();
        int bw = y.blocksWide();
        int bh = y.blocksHigh();
        int stride = bw * 8;
        int[] out = new int[stride * bh * 8];
        double[][] cos = new double[8][8];
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                cos[x][u] = (u == 0 ? Math.sqrt(0.5) : 1) * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
        for (int b = 0; b < bw * bh; b++) {
            for (int yy = 0; yy < 8; yy++) {
                for (int xx = 0; xx < 8; xx++) {
                    double s = 0;
                    for (int v = 0; v < 8; v++) {
                        for (int u = 0; u < 8; u++) {
                            int k = v * 8 + u;
                            s += cos[xx][u] * cos[yy][v] * y.coefficients()[b * 64 + k] * y.quant()[k];
                        }
                    }
                    int px = (int) Math.round(s / 4 + 128);
                    out[((b / bw) * 8 + yy) * stride + (b % bw) * 8 + xx] = Math.max(0, Math.min(255, px));
                }
            }
        }
        return out;
    }

    static BufferedImage picture(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        double fx = 0.05 + r.nextDouble() * 0.1;
        double fy = 0.05 + r.nextDouble() * 0.1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (int) (128 + 90 * Math.sin(x * fx) * Math.cos(y * fy)) + r.nextInt(20) - 10;
                int green = (int) (128 + 80 * Math.cos((x + y) * fx * 0.7)) + r.nextInt(20) - 10;
                int blue = (x * 255 / w + y * 128 / h) % 256;
                img.setRGB(x, y, (clamp(red) << 16) | (clamp(green) << 8) | clamp(blue));
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** A JPEG from the JDK writer, progressive or baseline, with a restart interval (in MCUs) when > 0. */
    static byte[] encode(BufferedImage img, boolean progressive, int restartInterval, float quality)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        if (restartInterval > 0) {
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            Node seq = root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restartInterval));
            seq.insertBefore(dri, seq.getFirstChild());
            meta.setFromTree(format, root);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static int indexOfMarker(byte[] file, int marker) {
        for (int i = 2; i + 1 < file.length; i++) {
            if ((file[i] & 0xFF) == 0xFF && (file[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsMarker(byte[] file, int marker) {
        return indexOfMarker(file, marker) >= 0;
    }

    private static void setSof(byte[] file, int sof) {
        file[indexOfMarker(file, 0xC0) + 1] = (byte) sof;
    }
}
