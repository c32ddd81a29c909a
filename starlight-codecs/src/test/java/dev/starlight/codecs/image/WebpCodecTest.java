package dev.starlight.codecs.image;

import static dev.starlight.codecs.image.JpegCodecTest.codeOf;
import static dev.starlight.codecs.image.JpegCodecTest.concat;
import static dev.starlight.codecs.image.JpegCodecTest.fixture;
import static dev.starlight.codecs.image.JpegCodecTest.tiffWithUserComment;
import static dev.starlight.codecs.image.JpegCodecTest.userComment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.starlight.codecs.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

class WebpCodecTest {
    private static final WebpDecoder DECODER = new WebpDecoder();
    private static final WebpWriter WRITER = new WebpWriter();

    static DecodedImage image(int w, int h, boolean alpha, Random rnd, int colours) {
        int n = w * h;
        int[][] planes = new int[alpha ? 4 : 3][n];
        int[] palette = new int[Math.max(1, colours)];
        for (int k = 0; k < palette.length; k++) {
            palette[k] = rnd.nextInt();
        }
        for (int i = 0; i < n; i++) {
            int c = colours == 0 ? rnd.nextInt() : palette[rnd.nextInt(palette.length)];
            planes[0][i] = (c >>> 16) & 0xFF;
            planes[1][i] = (c >>> 8) & 0xFF;
            planes[2][i] = c & 0xFF;
            if (alpha) {
                planes[3][i] = c >>> 24;
            }
        }
        return new DecodedImage(ImageFormat.WEBP, w, h, 8, alpha ? ColorType.RGBA : ColorType.RGB, planes, null,
                null, false, List.of(), List.of(), 0, null);
    }

    /** ARGB through TwelveMonkeys alone (raster samples, no conversion). */
    static int[][] twelveMonkeys(byte[] webp) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(webp)));
        BufferedImage img = reader.read(0);
        int n = img.getWidth() * img.getHeight();
        int bands = img.getRaster().getNumBands();
        int[][] out = new int[bands][];
        for (int b = 0; b < bands; b++) {
            out[b] = img.getRaster().getSamples(0, 0, img.getWidth(), img.getHeight(), b, new int[n]);
        }
        assertThat(img.getColorModel().isAlphaPremultiplied()).isFalse();
        return out;
    }

    private static void assertRoundTrip(DecodedImage src) throws IOException {
        byte[] webp = WRITER.encode(src);
        DecodedImage back = DECODER.decode(webp, ImageLimits.DEFAULT);
        String what = src.width() + "x" + src.height() + " " + src.colorType();
        assertThat(back.width()).as(what).isEqualTo(src.width());
        assertThat(back.height()).as(what).isEqualTo(src.height());
        assertThat(back.lossy()).isFalse();
        boolean translucent = src.hasAlpha() && Arrays.stream(src.alphaPlane()).anyMatch(a -> a != 255);
        assertThat(back.colorType()).as(what).isEqualTo(translucent ? ColorType.RGBA : ColorType.RGB);
        int[][] tm = twelveMonkeys(webp);
        for (int b = 0; b < back.planes().length; b++) {
            assertThat(back.planes()[b]).as(what + " band " + b).isEqualTo(src.planes()[b]);
            assertThat(tm[b]).as(what + " TwelveMonkeys band " + b).isEqualTo(src.planes()[b]);
        }
        assertThat(back.trailer()).isEmpty();
        assertThat(back.imageEnd()).isEqualTo(webp.length);
    }

    @Test
    void vp8lEncoderRoundTripsRandomRgbAndRgbaExactlyAtEdgeSizes() throws IOException {
        Random rnd = new Random(42);
        int[][] sizes = {{1, 1}, {1, 17}, {23, 1}, {3, 5}, {17, 13}, {64, 31}, {101, 3}};
        for (int[] s : sizes) {
            assertRoundTrip(image(s[0], s[1], false, rnd, 0));
            assertRoundTrip(image(s[0], s[1], true, rnd, 0));
            assertRoundTrip(image(s[0], s[1], true, rnd, 3)); // few colours: 2- and 3-symbol codes
        }
    }

    @Test
    void vp8lEncoderHandlesSingleColourAndTwoColourImages() throws IOException {
        Random rnd = new Random(7);
        assertRoundTrip(image(9, 7, false, rnd, 1));
        assertRoundTrip(image(9, 7, true, rnd, 1));
        assertRoundTrip(image(40, 40, true, rnd, 2));
        DecodedImage opaque = image(5, 4, true, rnd, 0);
        Arrays.fill(opaque.planes()[3], 255);
        byte[] webp = WRITER.encode(opaque);
        // alpha_is_used is bit 28 of the 32 bits after the signature
        assertThat(webp[20 + 4] & 0x10).isZero();
        assertThat(DECODER.decode(webp, ImageLimits.DEFAULT).colorType()).isEqualTo(ColorType.RGB);
    }

    @Test
    void vp8lEncoderKeepsCodesWithinFifteenBitsForSkewedHistograms() throws IOException {
        // Fibonacci-like counts force an unlimited Huffman tree deeper than 15 levels
        int[] hist = new int[256];
        long a = 1;
        long b = 1;
        for (int s = 0; s < 30; s++) {
            hist[s] = (int) Math.min(a, 1 << 24);
            long t = a + b;
            a = b;
            b = t;
        }
        int[] len = Vp8lEncoder.huffmanLengths(hist, 15);
        assertThat(Arrays.stream(len).max().getAsInt()).isEqualTo(15);
        double kraft = 0;
        for (int l : len) {
            kraft += l == 0 ? 0 : Math.pow(2, -l);
        }
        assertThat(kraft).isLessThanOrEqualTo(1.0);
        int n = 0;
        for (int h : hist) {
            n += Math.min(h, 2000);
        }
        int w = n;
        int[][] planes = new int[3][w];
        int i = 0;
        for (int s = 0; s < 30; s++) {
            for (int k = 0; k < Math.min(hist[s], 2000); k++) {
                planes[1][i++] = s;
            }
        }
        // a 1-row image at most 16384 wide
        int width = Math.min(w, 16384);
        int[][] cut = {Arrays.copyOf(planes[0], width), Arrays.copyOf(planes[1], width), Arrays.copyOf(planes[2], width)};
        assertRoundTrip(new DecodedImage(ImageFormat.WEBP, width, 1, 8, ColorType.RGB, cut, null, null, false,
                List.of(), List.of(), 0, null));
    }

    @Test
    void losslessFixtureFromCwebpDecodesToTheExactStoredArgb() throws IOException {
        DecodedImage img = DECODER.decode(fixture("lossless-alpha.webp"), ImageLimits.DEFAULT);
        assertThat(img.colorType()).isEqualTo(ColorType.RGBA);
        assertThat(img.lossy()).isFalse();
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int i = y * 37 + x;
                assertThat(new int[] {img.planes()[0][i], img.planes()[1][i], img.planes()[2][i], img.planes()[3][i]})
                        .as("(%d,%d)", x, y)
                        .containsExactly((7 * x) & 255, (11 * y) & 255, (x * y) & 255, (13 * x + y) & 255);
            }
        }
    }

    @Test
    void losslessFixtureWithTransformsAndCacheDecodesToTheExactStoredArgb() throws IOException {
        // cwebp -lossless -z 9: predictor/colour transforms, backward references; pixels regenerated here
        DecodedImage img = DECODER.decode(fixture("lossless-rich.webp"), ImageLimits.DEFAULT);
        assertThat(img.colorType()).isEqualTo(ColorType.RGBA);
        long s = 12345;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int r;
                int g;
                int b;
                if (((x / 8) + (y / 8)) % 3 == 0) {
                    s = (s * 1103515245L + 12345) % (1L << 31);
                    r = (int) (s >> 8) & 255;
                    g = (int) (s >> 16) & 255;
                    b = (int) (s >> 3) & 255;
                } else {
                    r = (x * 4) & 255;
                    g = (y * 5) & 255;
                    b = ((x + y) * 3) & 255;
                }
                int i = y * 64 + x;
                assertThat(new int[] {img.planes()[0][i], img.planes()[1][i], img.planes()[2][i], img.planes()[3][i]})
                        .as("(%d,%d)", x, y).containsExactly(r, g, b, 255 - ((x ^ y) & 63));
            }
        }
    }

    @Test
    void lossyFixturesDecodeAsLossyWithAlphaFromTheAlphChunk() throws IOException {
        DecodedImage rgb = DECODER.decode(fixture("lossy.webp"), ImageLimits.DEFAULT);
        assertThat(rgb.lossy()).isTrue();
        assertThat(rgb.colorType()).isEqualTo(ColorType.RGB);
        assertThat(rgb.width()).isEqualTo(37);
        assertThat(rgb.height()).isEqualTo(23);
        DecodedImage rgba = DECODER.decode(fixture("lossy-alpha.webp"), ImageLimits.DEFAULT);
        assertThat(rgba.colorType()).isEqualTo(ColorType.RGBA);
        assertThat(rgba.lossy()).isTrue();
        // ALPH is lossless by default: alpha (x=3, y=2) = 13*3 + 2
        assertThat(rgba.planes()[3][2 * 37 + 3]).isEqualTo(41);
        assertThat(codeOf(() -> WRITER.replaceSamples(fixture0("lossy.webp"), rgb)))
                .isEqualTo(ErrorCode.METHOD_NOT_APPLICABLE);
    }

    private static byte[] fixture0(String name) {
        try {
            return fixture(name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void animatedFileListsFramesAndDecodesFrameZero() throws IOException {
        DecodedImage img = DECODER.decode(fixture("animated.webp"), ImageLimits.DEFAULT);
        assertThat(img.frames()).hasSize(2);
        assertThat(img.frames().get(0).delayCentiseconds()).isEqualTo(10);
        assertThat(img.frames().get(1).delayCentiseconds()).isEqualTo(12);
        assertThat(img.frames().get(1).width()).isEqualTo(37);
        assertThat(img.width()).isEqualTo(37);
        assertThat(img.lossy()).isFalse();
        // frame 0 is the lossless fx.ppm: R = 7x, G = 11y
        assertThat(img.planes()[0][5]).isEqualTo(35);
        assertThat(img.planes()[1][5]).isZero();
        assertThat(img.planes()[1][2 * 37 + 5]).isEqualTo(22);
        assertThat(codeOf(() -> WRITER.replaceSamples(fixture0("animated.webp"), img)))
                .isEqualTo(ErrorCode.METHOD_NOT_APPLICABLE);
        assertThat(codeOf(() -> DECODER.decode(fixture0("animated.webp"),
                new ImageLimits(1 << 20, 1 << 20, 1000, 1100, 1 << 20, 1)))).isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void replaceSamplesSwapsOnlyTheVp8lChunkKeepingExifAndTrailer() throws IOException {
        Random rnd = new Random(3);
        DecodedImage src = image(30, 20, false, rnd, 0);
        byte[] tiff = tiffWithUserComment("keep me");
        byte[] trailer = "TRAILER-BYTES".getBytes(StandardCharsets.US_ASCII);
        byte[] original = concat(WRITER.replaceExif(WRITER.encode(src), tiff), trailer);
        DecodedImage decoded = DECODER.decode(original, ImageLimits.DEFAULT);
        assertThat(decoded.trailer()).isEqualTo(trailer);
        DecodedImage modified = image(30, 20, false, rnd, 0);
        byte[] out = WRITER.replaceSamples(original, modified);
        DecodedImage back = DECODER.decode(out, ImageLimits.DEFAULT);
        for (int b = 0; b < 3; b++) {
            assertThat(back.planes()[b]).isEqualTo(modified.planes()[b]);
        }
        assertThat(back.trailer()).isEqualTo(trailer);
        assertThat(back.imageEnd()).isEqualTo(out.length - trailer.length);
        assertThat(back.metadata()).hasSize(1);
        assertThat(back.metadata().get(0).kind()).isEqualTo(MetadataSegment.Kind.EXIF);
        assertThat(back.metadata().get(0).data()).isEqualTo(tiff);
        // VP8X chunk is byte-for-byte the same
        assertThat(Arrays.copyOfRange(out, 12, 30)).isEqualTo(Arrays.copyOfRange(original, 12, 30));
    }

    @Test
    void replaceSamplesWithNewAlphaSetsTheVp8xAlphaFlag() throws IOException {
        Random rnd = new Random(5);
        byte[] original = WRITER.replaceExif(WRITER.encode(image(8, 8, false, rnd, 0)), tiffWithUserComment("x"));
        assertThat(original[20] & WebpStructure.FLAG_ALPHA).isZero();
        DecodedImage rgba = image(8, 8, true, rnd, 0);
        byte[] out = WRITER.replaceSamples(original, rgba);
        assertThat(out[20] & WebpStructure.FLAG_ALPHA).isNotZero();
        DecodedImage back = DECODER.decode(out, ImageLimits.DEFAULT);
        assertThat(back.colorType()).isEqualTo(ColorType.RGBA);
        assertThat(back.planes()[3]).isEqualTo(rgba.planes()[3]);
    }

    @Test
    void replaceSamplesKeepsRgbaLayoutWhenTheModifiedAlphaIsAllOpaque() {
        Random rnd = new Random(6);
        byte[] original = WRITER.encode(image(6, 6, true, rnd, 0));
        DecodedImage opaque = image(6, 6, true, rnd, 0);
        Arrays.fill(opaque.planes()[3], 255);
        DecodedImage back = DECODER.decode(WRITER.replaceSamples(original, opaque), ImageLimits.DEFAULT);
        assertThat(back.colorType()).isEqualTo(ColorType.RGBA);
        assertThat(back.planes()[3]).containsOnly(255);
    }

    @Test
    void replaceExifOnSimpleFileAddsVp8xAndAnExifChunkReadableByMetadataExtractor() throws Exception {
        Random rnd = new Random(9);
        DecodedImage src = image(11, 7, true, rnd, 0);
        byte[] simple = WRITER.encode(src);
        byte[] trailer = {1, 2, 3};
        byte[] tiff = tiffWithUserComment("secret message");
        byte[] out = WRITER.replaceExif(concat(simple, trailer), tiff);
        assertThat(new String(out, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        assertThat(out[20] & 0xFF).isEqualTo(WebpStructure.FLAG_EXIF | WebpStructure.FLAG_ALPHA);
        DecodedImage back = DECODER.decode(out, ImageLimits.DEFAULT);
        assertThat(back.planes()[3]).isEqualTo(src.planes()[3]);
        assertThat(back.trailer()).isEqualTo(trailer);
        MetadataSegment exif = back.metadata().get(0);
        assertThat(exif.key()).isEqualTo("EXIF");
        assertThat(exif.data()).isEqualTo(tiff);
        assertThat(Arrays.copyOfRange(out, (int) exif.offset(), (int) exif.offset() + tiff.length)).isEqualTo(tiff);
        assertThat(userComment(exif.data())).isEqualTo("ASCII\0\0\0secret message");
        // the whole file, through metadata-extractor's WebP reader
        Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(out));
        ExifSubIFDDirectory dir = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertThat(new String(dir.getByteArray(ExifSubIFDDirectory.TAG_USER_COMMENT), StandardCharsets.ISO_8859_1))
                .isEqualTo("ASCII\0\0\0secret message");
        // replacing again swaps the chunk in place: same size for a message of the same length
        byte[] again = WRITER.replaceExif(out, tiffWithUserComment("SECRET MESSAGE"));
        assertThat(again).hasSameSizeAs(out);
        assertThat(userComment(DECODER.decode(again, ImageLimits.DEFAULT).metadata().get(0).data()))
                .isEqualTo("ASCII\0\0\0SECRET MESSAGE");
    }

    @Test
    void riffSizePastTheEndIsTruncatedAndWrongChunksAreMalformed() {
        byte[] webp = WRITER.encode(image(4, 4, false, new Random(1), 0));
        byte[] lying = webp.clone();
        WebpDecoder.setLe(lying, 4, webp.length + 100);
        assertThatThrownBy(() -> DECODER.decode(lying, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class)
                .satisfies(e -> assertThat(((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TRUNCATED))
                .hasMessageContaining("RIFF size");
        byte[] chunkLie = webp.clone();
        WebpDecoder.setLe(chunkLie, 16, 0x7FFFFFF0L);
        assertThat(codeOf(() -> DECODER.decode(chunkLie, ImageLimits.DEFAULT))).isEqualTo(ErrorCode.TRUNCATED);
        byte[] unknown = webp.clone();
        unknown[12] = 'X';
        assertThat(codeOf(() -> DECODER.decode(unknown, ImageLimits.DEFAULT))).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void headerDimensionsAboveTheLimitsAreTooLarge() {
        // VP8L 16384x16384 declared in a tiny file
        byte[] webp = WRITER.encode(image(4, 4, false, new Random(1), 0));
        webp[21] = (byte) 0xFF;
        webp[22] = (byte) 0xFF;
        webp[23] = (byte) 0xFF;
        webp[24] = (byte) ((webp[24] & 0xF0) | 0x0F);
        assertThatThrownBy(() -> DECODER.decode(webp, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class)
                .satisfies(e -> assertThat(((ImageDecodeException) e).code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("16384x16384");
        byte[] small = WRITER.encode(image(10, 10, false, new Random(1), 0));
        assertThat(codeOf(() -> DECODER.decode(small, ImageLimits.DEFAULT.withMaxPixels(99))))
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void everyPrefixOfValidFilesFailsWithACode() throws IOException {
        byte[] own = WRITER.replaceExif(WRITER.encode(image(9, 9, true, new Random(2), 0)), tiffWithUserComment("m"));
        for (byte[] webp : List.of(own, fixture("lossy-alpha.webp"), fixture("animated.webp"),
                fixture("lossless-alpha.webp"))) {
            for (int len = 0; len < webp.length; len++) {
                byte[] prefix = Arrays.copyOf(webp, len);
                assertThat(codeOf(() -> DECODER.decode(prefix, ImageLimits.DEFAULT))).as("prefix of %d", len)
                        .isIn(ErrorCode.TRUNCATED, ErrorCode.MALFORMED);
            }
        }
    }

    @Test
    void corruptedBitstreamsFailOnlyWithCodes() throws IOException {
        Random rnd = new Random(11);
        for (byte[] webp : List.of(WRITER.encode(image(16, 16, true, rnd, 0)), fixture("lossy.webp"),
                fixture("lossless-alpha.webp"))) {
            for (int k = 0; k < 150; k++) {
                byte[] bad = webp.clone();
                int at = 20 + rnd.nextInt(bad.length - 20);
                bad[at] = (byte) rnd.nextInt(256);
                try {
                    DECODER.decode(bad, ImageLimits.DEFAULT);
                } catch (ImageDecodeException e) {
                    assertThat(e.code()).isNotEqualTo(ErrorCode.INTERNAL);
                }
            }
        }
    }
}
