package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BmpCodecTest {
    private final BmpWriter writer = new BmpWriter();

    @Test
    void rgbRgbaAndIndexedRoundTripExactly() {
        for (ColorType type : new ColorType[] {ColorType.RGB, ColorType.RGBA, ColorType.INDEXED}) {
            for (int[] size : new int[][] {{1, 1}, {7, 3}, {33, 20}}) {
                DecodedImage in = type == ColorType.INDEXED
                        ? GifCodecTest.indexed(size[0], size[1], 256, true, 5)
                        : PngCodecTest.image(type, 8, size[0], size[1], 7);
                in = new DecodedImage(ImageFormat.BMP, in.width(), in.height(), 8, in.colorType(), in.planes(),
                        in.palette() == null ? null : new Palette(in.palette().rgb(), null), in.indices(), false,
                        List.of(), List.of(), 0, null);
                if (type == ColorType.INDEXED) {
                    in = in.withSamples(in.palette().expand(in.indices()), in.indices());
                }
                DecodedImage out = ImageCodecs.decode(writer.encode(in));
                assertThat(out.colorType()).isEqualTo(type);
                assertThat(out.planes()).as("%s %dx%d", type, size[0], size[1]).isDeepEqualTo(in.planes());
                assertThat(out.indices()).isEqualTo(in.indices());
            }
        }
    }

    @Test
    void imageIoWrittenBmpsDecodeToImageIoSamples() throws Exception {
        Random r = new Random(2);
        BufferedImage rgb = new BufferedImage(31, 17, BufferedImage.TYPE_3BYTE_BGR);
        byte[] lut = new byte[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = (byte) (255 - i);
        }
        BufferedImage idx = new BufferedImage(31, 17, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, lut, lut, lut));
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 31; x++) {
                rgb.setRGB(x, y, r.nextInt());
                idx.getRaster().setSample(x, y, 0, r.nextInt(256));
            }
        }
        for (BufferedImage bi : new BufferedImage[] {rgb, idx}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertThat(ImageIO.write(bi, "bmp", bytes)).isTrue();
            DecodedImage d = ImageCodecs.decode(bytes.toByteArray());
            Raster raster = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())).getRaster();
            for (int y = 0; y < 17; y++) {
                for (int x = 0; x < 31; x++) {
                    if (d.isIndexed()) {
                        assertThat(d.indices()[y * 31 + x]).isEqualTo(raster.getSample(x, y, 0));
                    } else {
                        for (int b = 0; b < 3; b++) {
                            assertThat(d.planes()[b][y * 31 + x]).isEqualTo(raster.getSample(x, y, b));
                        }
                    }
                }
            }
        }
    }

    @Test
    void replaceSamplesRewritesPixelsOnlyAndKeepsTheTrailer() {
        DecodedImage in = PngCodecTest.image(ColorType.RGB, 8, 10, 6, 3);
        in = new DecodedImage(ImageFormat.BMP, 10, 6, 8, ColorType.RGB, in.planes(), null, null, false, List.of(),
                List.of(), 0, null);
        byte[] base = writer.encode(in);
        byte[] file = Arrays.copyOf(base, base.length + 3);
        file[base.length] = 'x';
        DecodedImage d = ImageCodecs.decode(file);
        int[][] planes = {d.planes()[0].clone(), d.planes()[1], d.planes()[2]};
        planes[0][59] ^= 1;
        byte[] out = writer.replaceSamples(file, d.withSamples(planes, null));
        DecodedImage back = ImageCodecs.decode(out);
        assertThat(back.planes()[0]).isEqualTo(planes[0]);
        assertThat(back.trailer()).containsExactly('x', 0, 0);
        assertThat(Arrays.copyOf(out, 54)).isEqualTo(Arrays.copyOf(file, 54));
    }

    @Test
    void hostileHeadersGiveCodes() {
        byte[] file = writer.encode(new DecodedImage(ImageFormat.BMP, 4, 4, 8, ColorType.RGB, new int[3][16], null,
                null, false, List.of(), List.of(), 0, null));
        byte[] huge = file.clone();
        huge[18] = (byte) 0xFF;
        huge[19] = (byte) 0xFF;
        huge[22] = (byte) 0xFF;
        huge[23] = (byte) 0x7F;
        assertThatThrownBy(() -> ImageCodecs.decode(huge)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> ImageCodecs.decode(cut)).as("prefix %d", n)
                    .extracting(e -> ((StarlightException) e).code()).isNotEqualTo(ErrorCode.INTERNAL);
        }
    }
}
