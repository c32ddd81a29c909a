package dev.starlight.codecs.image;

import static dev.starlight.codecs.image.JpegCompatibilityTest.codeOf;
import static dev.starlight.codecs.image.JpegCompatibilityTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.ErrorCode;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * BMP variants that ImageIO, Pillow and ImageMagick open and we used to refuse: RLE8 and RLE4 (runs, literal runs,
 * end-of-line, delta, end-of-bitmap), OS/2 1.x and 2.x headers, and bitmaps that carry a JPEG or PNG stream.
 * Each is compared pixel for pixel with ImageIO's decode of the same file (or of its plain equivalent).
 */
class BmpCompatibilityTest {

    @Test
    void rle8WrittenByImageMagickDecodesAsImageIoDecodesIt() throws IOException {
        byte[] file = fixture("rle8.bmp");
        assertThat(file[30]).as("BI_RLE8").isEqualTo((byte) 1);
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(image.colorType()).isEqualTo(ColorType.INDEXED);
        assertThat(rgb(image)).isEqualTo(imageIoRgb(file));
        assertThat(image.warnings()).isEmpty();
    }

    @Test
    void rle8WithLiteralRunsDeltaAndEarlyEndsOfLineDecodesAsImageIoDecodesIt() throws IOException {
        ByteArrayOutputStream rle = new ByteArrayOutputStream();
        // row 0 (bottom): run of 5 x index 3, literal of 3 (odd: padded), end of line
        rle.writeBytes(new byte[] {5, 3, 0, 3, 7, 8, 9, 0, 0, 0});
        // row 1: literal of 4, delta right 2 and up 1, run of 2 x index 5, end of line
        rle.writeBytes(new byte[] {0, 4, 1, 2, 4, 6, 0, 2, 2, 1, 2, 5, 0, 0});
        // row 3: full run of 10, end of bitmap (rows 4..5 and the skipped pixels stay index 0)
        rle.writeBytes(new byte[] {10, 9, 0, 1});
        byte[] file = bmp(10, 6, 8, 1, palette(16), rle.toByteArray());
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(rgb(image)).isEqualTo(imageIoRgb(file));
        assertThat(image.indices()[5 * 10]).isEqualTo(3); // bottom-left pixel
        assertThat(image.indices()[3 * 10 + 6]).isEqualTo(5); // stored row 2 (delta up 1), x 6 (delta right 2)
    }

    @Test
    void rle4WithNibbleRunsLiteralsAndDeltaDecodesAsImageIoDecodesIt() throws IOException {
        ByteArrayOutputStream rle = new ByteArrayOutputStream();
        rle.writeBytes(new byte[] {7, 0x12, 0, 5, 0x34, 0x56, 0x70, 0, 0, 0}); // run 1,2,1,2.. then 5 literal nibbles
        rle.writeBytes(new byte[] {0, 2, 3, 0, 4, (byte) 0xAB, 0, 0}); // delta 3 right, run of 4 alternating A/B
        rle.writeBytes(new byte[] {12, (byte) 0xFF, 0, 1});
        byte[] file = bmp(12, 3, 4, 2, palette(16), rle.toByteArray());
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(rgb(image)).isEqualTo(imageIoRgb(file));
        assertThat(Arrays.copyOfRange(image.indices(), 2 * 12, 2 * 12 + 12))
                .containsExactly(1, 2, 1, 2, 1, 2, 1, 3, 4, 5, 6, 7);
    }

    @Test
    void topDownRleIsMalformedAsTheFormatForbidsIt() {
        byte[] file = bmp(4, 2, 8, 1, palette(4), new byte[] {4, 1, 0, 0, 4, 2, 0, 1});
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -2);
        assertThat(codeOf(file)).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void rleThatEndsWithoutEndOfBitmapIsDecodedAndSaysSo() {
        byte[] file = bmp(4, 2, 8, 1, palette(4), new byte[] {4, 1, 0, 0, 2, 2});
        DecodedImage image = ImageCodecs.decode(file);
        assertThat(image.truncated()).isTrue();
        assertThat(image.indices()).containsExactly(2, 2, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void os2Version1HeaderWrittenByImageMagickDecodesAsImageIoDecodesIt() throws IOException {
        byte[] file = fixture("os2-v1.bmp");
        assertThat(file[14]).as("12-byte header").isEqualTo((byte) 12);
        assertThat(rgb(ImageCodecs.decode(file))).isEqualTo(imageIoRgb(file));
    }

    @Test
    void os2Version2HeadersOf64And16BytesDecodeLikeTheirWindowsEquivalent() throws IOException {
        BufferedImage picture = indexedPicture(13, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "bmp", out);
        byte[] windows = out.toByteArray();
        assertThat(windows[14]).isEqualTo((byte) 40);
        int[] expected = imageIoRgb(windows);
        for (int size : new int[] {64, 16}) {
            byte[] os2 = os2v2(windows, size);
            DecodedImage image = ImageCodecs.decode(os2);
            assertThat(rgb(image)).as("OS/2 2.x header of %d bytes", size).isEqualTo(expected);
            assertThat(image.palette().size()).isEqualTo(256);
        }
    }

    @Test
    void os2HuffmanCompressionIsAnUnsupportedFeature() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(indexedPicture(4, 4), "bmp", out);
        byte[] os2 = os2v2(out.toByteArray(), 64);
        ByteBuffer.wrap(os2).order(ByteOrder.LITTLE_ENDIAN).putInt(30, 3);
        assertThat(codeOf(os2)).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
    }

    @Test
    void embeddedPngAndJpegStreamsAreDecodedAndSaid() throws IOException {
        BufferedImage picture = new BufferedImage(21, 14, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 21; x++) {
                picture.setRGB(x, y, (x * 12) << 16 | (y * 18) << 8 | (x * y) & 255);
            }
        }
        for (String format : new String[] {"png", "jpeg"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture, format, out);
            byte[] stream = out.toByteArray();
            byte[] file = bmp(21, 14, 0, format.equals("png") ? 5 : 4, new byte[0], stream);
            DecodedImage image = ImageCodecs.decode(file);
            assertThat(image.format()).isEqualTo(ImageFormat.BMP);
            assertThat(image.planes()).as(format).isDeepEqualTo(ImageCodecs.decode(stream).planes());
            assertThat(rgb(image)).as(format).isEqualTo(imageIoRgb(stream));
            assertThat(image.lossy()).isEqualTo(format.equals("jpeg"));
            assertThat(image.warnings()).extracting(DecodeWarning::code)
                    .containsExactly(DecodeWarning.EMBEDDED_STREAM);
        }
        // BI_PNG whose data is not a PNG
        assertThat(codeOf(bmp(2, 2, 0, 5, new byte[0], new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isEqualTo(ErrorCode.MALFORMED);
    }

    /** A BMP with a 40-byte header, the given palette and pixel data (bottom-up). */
    static byte[] bmp(int w, int h, int bits, int compression, byte[] palette, byte[] pixels) {
        int offset = 14 + 40 + palette.length;
        ByteBuffer b = ByteBuffer.allocate(offset + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(offset + pixels.length).putInt(0).putInt(offset);
        b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) bits).putInt(compression)
                .putInt(pixels.length).putInt(2835).putInt(2835).putInt(palette.length / 4).putInt(0);
        b.put(palette).put(pixels);
        return b.array();
    }

    static byte[] palette(int n) {
        byte[] p = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            p[i * 4] = (byte) (i * 16);
            p[i * 4 + 1] = (byte) (255 - i * 13);
            p[i * 4 + 2] = (byte) (i * 7 + 40);
        }
        return p;
    }

    /** The Windows 40-byte-header BMP rewritten with an OS/2 2.x header of 64 or 16 bytes (same palette, pixels). */
    static byte[] os2v2(byte[] windows, int size) {
        ByteBuffer in = ByteBuffer.wrap(windows).order(ByteOrder.LITTLE_ENDIAN);
        int oldOffset = in.getInt(10);
        byte[] palette = Arrays.copyOfRange(windows, 14 + 40, oldOffset);
        byte[] pixels = Arrays.copyOfRange(windows, oldOffset, windows.length);
        int offset = 14 + size + palette.length;
        ByteBuffer b = ByteBuffer.allocate(offset + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(offset + pixels.length).putInt(0).putInt(offset);
        b.putInt(size).putInt(in.getInt(18)).putInt(in.getInt(22)).putShort((short) 1).putShort(in.getShort(28));
        if (size == 64) {
            b.putInt(0).putInt(pixels.length).putInt(0).putInt(0).putInt(palette.length / 4).putInt(0);
            b.put(new byte[24]); // units, reserved, recording, rendering, size1, size2, encoding, identifier
        }
        b.put(palette).put(pixels);
        return b.array();
    }

    static BufferedImage indexedPicture(int w, int h) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] bl = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) i;
            g[i] = (byte) (i * 3);
            bl[i] = (byte) (255 - i);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, bl));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 17 + y * 31) & 255);
            }
        }
        return img;
    }

    static int[] rgb(DecodedImage image) {
        int[] out = new int[image.pixelCount()];
        int[][] p = image.planes();
        for (int i = 0; i < out.length; i++) {
            out[i] = p[0][i] << 16 | p[1][i] << 8 | p[2][i];
        }
        return out;
    }

    static int[] imageIoRgb(byte[] file) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(img).as("ImageIO reads it").isNotNull();
        int[] out = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }
}
