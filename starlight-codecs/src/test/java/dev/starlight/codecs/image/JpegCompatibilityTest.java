package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * JPEG files that libjpeg opens and we used to refuse: arithmetic coding (SOF9, SOF10), stray bytes between
 * segments, a file that ends inside its scan. The arithmetic fixtures come from {@code cjpeg -arithmetic}, their
 * Huffman twins from {@code jpegtran} (fixtures/decoders/README.md).
 */
class JpegCompatibilityTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = JpegCompatibilityTest.class.getResourceAsStream("/fixtures/decoders/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void arithmeticBaselineHasTheCoefficientsAndPixelsOfItsHuffmanTranscode() throws IOException {
        sameAsHuffmanTwin("arith-baseline", false);
    }

    @Test
    void arithmeticProgressiveHasTheCoefficientsAndPixelsOfItsHuffmanTranscode() throws IOException {
        sameAsHuffmanTwin("arith-progressive", true);
    }

    @Test
    void arithmeticGreyWithARestartAfterEveryMcuDecodes() throws IOException {
        sameAsHuffmanTwin("arith-grey-restart", false);
    }

    private static void sameAsHuffmanTwin(String name, boolean progressive) throws IOException {
        byte[] arithmetic = fixture(name + ".jpg");
        byte[] huffman = fixture(name + ".huffman.jpg");
        JpegCoefficients a = JpegCoefficientReader.read(arithmetic);
        JpegCoefficients h = JpegCoefficientReader.read(huffman);
        assertThat(a.progressive()).isEqualTo(progressive);
        assertThat(a.components()).hasSameSizeAs(h.components());
        for (int i = 0; i < a.components().size(); i++) {
            assertThat(a.components().get(i).coefficients()).as("component %d", i)
                    .isEqualTo(h.components().get(i).coefficients());
            assertThat(a.components().get(i).quant()).isEqualTo(h.components().get(i).quant());
        }
        DecodedImage ours = ImageCodecs.decode(arithmetic);
        assertThat(ours.frames().get(0).interlaced()).isEqualTo(progressive);
        assertThat(ours.planes()).isDeepEqualTo(imageIoPlanes(huffman, ours.planes().length));
        assertThat(ours.warnings()).isEmpty();
    }

    @Test
    void arithmeticFilesAreWithin40DbOfDjpegsOwnDecode() throws Exception {
        // libjpeg-turbo's IDCT and upsampling differ from the JDK's by rounding, so this comparison is by PSNR
        Path djpeg = Path.of("/usr/bin/djpeg");
        assumeTrue(Files.isExecutable(djpeg), "djpeg (libjpeg-turbo-progs) not installed: comparison skipped");
        for (String name : new String[] {"arith-baseline", "arith-progressive", "arith-grey-restart"}) {
            byte[] file = fixture(name + ".jpg");
            Path in = Files.createTempFile(name, ".jpg");
            try {
                Files.write(in, file);
                Process p = new ProcessBuilder(djpeg.toString(), "-pnm", in.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] pnm = p.getInputStream().readAllBytes();
                assertThat(p.waitFor()).isZero();
                DecodedImage ours = ImageCodecs.decode(file);
                double psnr = psnr(ours, pnm);
                System.out.printf("%s: PSNR against djpeg %.1f dB%n", name, psnr);
                assertThat(psnr).as(name).isGreaterThan(40.0);
            } finally {
                Files.delete(in);
            }
        }
    }

    /** PSNR of our planes against a binary PPM/PGM (header: magic, width, height, 255, one whitespace). */
    private static double psnr(DecodedImage image, byte[] pnm) {
        int p = 0;
        int fields = 0;
        while (fields < 4) {
            while (Character.isWhitespace(pnm[p])) {
                p++;
            }
            while (!Character.isWhitespace(pnm[p])) {
                p++;
            }
            fields++;
        }
        p++;
        int planes = image.planes().length;
        double sum = 0;
        for (int i = 0; i < image.pixelCount(); i++) {
            for (int c = 0; c < planes; c++) {
                double d = image.planes()[c][i] - (pnm[p + i * planes + c] & 255);
                sum += d * d;
            }
        }
        double mse = sum / ((double) image.pixelCount() * planes);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @Test
    void strayBytesBetweenSegmentsAreSkippedAndSaid() throws IOException {
        byte[] clean = fixture("arith-baseline.huffman.jpg");
        int app0End = 2 + 2 + (((clean[4] & 0xFF) << 8) | (clean[5] & 0xFF));
        byte[] junk = {0x00, 0x00, 0x0A, 0x20, 0x13};
        byte[] stray = insert(clean, app0End, junk);
        DecodedImage image = ImageCodecs.decode(stray);
        assertThat(image.planes()).isDeepEqualTo(ImageCodecs.decode(clean).planes());
        assertThat(image.planes()).isDeepEqualTo(imageIoPlanes(clean, 3));
        assertThat(image.warnings()).extracting(DecodeWarning::code).containsExactly(DecodeWarning.STRAY_BYTES);
        assertThat(image.warnings().get(0).detail()).contains("5 stray bytes at offset " + app0End);
        assertThat(image.trailer()).isEmpty();
        // the coefficient reader skips them too
        assertThat(JpegCoefficientReader.read(stray).luma().coefficients())
                .isEqualTo(JpegCoefficientReader.read(clean).luma().coefficients());
    }

    @Test
    void aFileCutInsideItsScanDecodesWhatIsThereAndSaysItIsTruncated() throws IOException {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                picture.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | ((x * y) & 255));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        byte[] full = out.toByteArray();
        int sos = indexOf(full, (byte) 0xFF, (byte) 0xDA);
        byte[] cut = Arrays.copyOf(full, sos + (full.length - sos) * 2 / 3);
        DecodedImage whole = ImageCodecs.decode(full);
        DecodedImage part = ImageCodecs.decode(cut);
        assertThat(part.truncated()).isTrue();
        assertThat(part.warnings()).extracting(DecodeWarning::code).containsExactly(DecodeWarning.TRUNCATED);
        assertThat(part.width()).isEqualTo(64);
        assertThat(part.trailer()).isEmpty();
        assertThat(whole.truncated()).isFalse();
        // the MCU rows whose data is all there (the first 16 of 64 rows at least) are exactly the whole file's
        for (int c = 0; c < 3; c++) {
            assertThat(Arrays.copyOf(part.planes()[c], 16 * 64)).as("plane %d", c)
                    .isEqualTo(Arrays.copyOf(whole.planes()[c], 16 * 64));
        }
    }

    @Test
    void anArithmeticFileCutInsideItsScansDecodesAndSaysItIsTruncated() throws IOException {
        for (String name : new String[] {"arith-baseline.jpg", "arith-progressive.jpg"}) {
            byte[] full = fixture(name);
            byte[] cut = Arrays.copyOf(full, full.length * 3 / 4);
            DecodedImage part = ImageCodecs.decode(cut);
            assertThat(part.truncated()).as(name).isTrue();
            assertThat(part.width()).isEqualTo(61);
        }
        // sequential: the first MCU row (8 lines of 45) comes from data that is all there
        DecodedImage whole = ImageCodecs.decode(fixture("arith-baseline.jpg"));
        byte[] baseline = fixture("arith-baseline.jpg");
        DecodedImage part = ImageCodecs.decode(Arrays.copyOf(baseline, baseline.length * 3 / 4));
        assertThat(Arrays.copyOf(part.planes()[0], 8 * 61)).isEqualTo(Arrays.copyOf(whole.planes()[0], 8 * 61));
    }

    @Test
    void aFileCutBeforeItsFirstScanIsStillTruncatedAsAnError() throws IOException {
        byte[] full = fixture("arith-baseline.huffman.jpg");
        int sos = indexOf(full, (byte) 0xFF, (byte) 0xDA);
        byte[] cut = Arrays.copyOf(full, sos - 3);
        assertThat(codeOf(cut)).isEqualTo(ErrorCode.TRUNCATED);
    }

    @Test
    void malformedArithmeticConditioningIsMalformed() throws IOException {
        byte[] file = fixture("arith-baseline.jpg");
        // a DAC segment with an AC Kx of 0 (T.81 allows 1..63), before the frame header
        byte[] dac = {(byte) 0xFF, (byte) 0xCC, 0, 4, 0x10, 0};
        int sof = indexOf(file, (byte) 0xFF, (byte) 0xC9);
        assertThat(codeOf(insert(file, sof, dac))).isEqualTo(ErrorCode.MALFORMED);
    }

    static int[][] imageIoPlanes(byte[] file, int planes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
        int n = img.getWidth() * img.getHeight();
        int[][] out = new int[planes][n];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int i = y * img.getWidth() + x;
                if (planes == 1) {
                    out[0][i] = img.getRaster().getSample(x, y, 0);
                    continue;
                }
                int rgb = img.getRGB(x, y);
                out[0][i] = rgb >> 16 & 255;
                out[1][i] = rgb >> 8 & 255;
                out[2][i] = rgb & 255;
            }
        }
        return out;
    }

    static byte[] insert(byte[] data, int at, byte[] extra) {
        byte[] out = new byte[data.length + extra.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(data, at, out, at + extra.length, data.length - at);
        return out;
    }

    static int indexOf(byte[] data, byte a, byte b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == a && data[i + 1] == b) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    static ErrorCode codeOf(byte[] data) {
        try {
            ImageCodecs.decode(data);
            return null;
        } catch (StarlightException e) {
            return e.code();
        }
    }
}
