package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngCodecTest {
    private final PngWriter writer = new PngWriter();

    static DecodedImage image(ColorType type, int bitDepth, int width, int height, long seed) {
        Random r = new Random(seed);
        int max = (1 << bitDepth) - 1;
        Palette palette = null;
        int[] indices = null;
        int[][] planes;
        if (type == ColorType.INDEXED) {
            int size = 1 << bitDepth;
            int[] rgb = new int[size];
            int[] alpha = new int[size];
            for (int i = 0; i < size; i++) {
                rgb[i] = r.nextInt(1 << 24);
                alpha[i] = r.nextInt(256);
            }
            palette = new Palette(rgb, alpha);
            indices = new int[width * height];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = r.nextInt(size);
            }
            planes = palette.expand(indices);
        } else {
            int n = switch (type) {
                case GREY -> 1;
                case GREY_ALPHA -> 2;
                case RGB -> 3;
                default -> 4;
            };
            planes = new int[n][width * height];
            for (int[] p : planes) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = r.nextInt(max + 1);
                }
            }
        }
        return new DecodedImage(ImageFormat.PNG, width, height, bitDepth, type, planes, palette, indices, false,
                List.of(), List.of(), 0, null);
    }

    @Test
    void everyColourTypeAndBitDepthRoundTripsExactly() {
        Object[][] cases = {
            {ColorType.GREY, 1}, {ColorType.GREY, 2}, {ColorType.GREY, 4}, {ColorType.GREY, 8}, {ColorType.GREY, 16},
            {ColorType.RGB, 8}, {ColorType.RGB, 16}, {ColorType.INDEXED, 1}, {ColorType.INDEXED, 2},
            {ColorType.INDEXED, 4}, {ColorType.INDEXED, 8}, {ColorType.GREY_ALPHA, 8}, {ColorType.GREY_ALPHA, 16},
            {ColorType.RGBA, 8}, {ColorType.RGBA, 16},
        };
        for (Object[] c : cases) {
            for (int[] size : new int[][] {{1, 1}, {13, 7}, {64, 33}}) {
                DecodedImage in = image((ColorType) c[0], (Integer) c[1], size[0], size[1], size[0] * 31L + (Integer) c[1]);
                DecodedImage out = ImageCodecs.decode(writer.encode(in));
                String what = c[0] + "/" + c[1] + " " + size[0] + "x" + size[1];
                assertThat(out.colorType()).as(what).isEqualTo(in.colorType());
                assertThat(out.bitDepth()).as(what).isEqualTo(in.bitDepth());
                assertThat(out.planes()).as(what).isDeepEqualTo(in.planes());
                assertThat(out.indices()).as(what).isEqualTo(in.indices());
                assertThat(out.palette()).as(what).isEqualTo(in.palette());
            }
        }
    }

    @Test
    void adam7InterlacedFileDecodesToTheSameSamplesAsItsImageIoReading() throws Exception {
        DecodedImage in = image(ColorType.RGB, 8, 37, 21, 5);
        byte[] interlaced = PngTestFiles.interlaced(in);
        DecodedImage out = ImageCodecs.decode(interlaced);
        assertThat(out.frames().get(0).interlaced()).isTrue();
        assertThat(out.planes()).isDeepEqualTo(in.planes());
        BufferedImage viaImageIo = ImageIO.read(new ByteArrayInputStream(interlaced));
        assertThat(viaImageIo.getRaster().getSample(36, 20, 2)).isEqualTo(in.planes()[2][20 * 37 + 36]);
    }

    @Test
    void imageIoWrittenPngsDecodeToImageIoRasterSamples() throws Exception {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_USHORT_GRAY};
        Random r = new Random(3);
        for (int type : types) {
            BufferedImage bi = new BufferedImage(23, 17, type);
            for (int y = 0; y < 17; y++) {
                for (int x = 0; x < 23; x++) {
                    bi.setRGB(x, y, r.nextInt());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(bi, "png", bytes);
            DecodedImage d = ImageCodecs.decode(bytes.toByteArray());
            Raster raster = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())).getRaster();
            assertSameSamples(d, raster, "type " + type);
        }
    }

    @Test
    void everyCorpusPngDecodesAndMatchesImageIo() throws Exception {
        List<Path> files = new java.util.ArrayList<>(Corpus.covers());
        files.addAll(Corpus.referenceStego());
        int checked = 0;
        for (Path p : files) {
            if (!p.toString().endsWith(".png")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(p);
            DecodedImage d = ImageCodecs.decode(bytes);
            if (d.bitDepth() == 8 && (d.colorType() == ColorType.RGB || d.colorType() == ColorType.RGBA)) {
                assertSameSamples(d, ImageIO.read(new ByteArrayInputStream(bytes)).getRaster(), p.getFileName().toString());
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(81);
    }

    @Test
    void replaceSamplesKeepsOtherChunksAndTheTrailer() {
        DecodedImage in = image(ColorType.RGBA, 8, 20, 10, 9);
        byte[] base = writer.encode(in);
        byte[] withText = PngTestFiles.insertBeforeIdat(base, "tEXt", "Comment\0hello".getBytes());
        byte[] file = Arrays.copyOf(withText, withText.length + 5);
        System.arraycopy("TRAIL".getBytes(), 0, file, withText.length, 5);
        DecodedImage decoded = ImageCodecs.decode(file);
        int[][] planes = new int[4][];
        for (int i = 0; i < 4; i++) {
            planes[i] = decoded.planes()[i].clone();
        }
        planes[3][0] ^= 1;
        byte[] rewritten = writer.replaceSamples(file, decoded.withSamples(planes, null));
        DecodedImage back = ImageCodecs.decode(rewritten);
        assertThat(back.planes()).isDeepEqualTo(planes);
        assertThat(back.trailer()).isEqualTo("TRAIL".getBytes());
        assertThat(back.metadata()).extracting(MetadataSegment::key).containsExactly("tEXt:Comment");
    }

    @Test
    void replaceExifInsertsThenReplacesTheExifChunk() {
        byte[] base = writer.encode(image(ColorType.RGB, 8, 8, 8, 1));
        byte[] once = writer.replaceExif(base, new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        byte[] twice = writer.replaceExif(once, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        List<MetadataSegment> exif = ImageCodecs.decode(twice).metadata().stream()
                .filter(m -> m.kind() == MetadataSegment.Kind.EXIF).toList();
        assertThat(exif).hasSize(1);
        assertThat(exif.get(0).data()).containsExactly('I', 'I', 42, 0, 8, 0, 0, 0);
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedBeforeAllocating() {
        byte[] file = PngTestFiles.withIhdr(65535, 65535, 8, 6);
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void zlibBombIsRefused() {
        // 6000 x 6000 RGBA declared, a few hundred bytes of IDAT: would inflate to 144 MB
        byte[] file = PngTestFiles.bomb(6000, 6000);
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.DECOMPRESSION_BOMB);
    }

    @Test
    void everyTruncationGivesACodedErrorNeverAnotherException() {
        byte[] file = writer.encode(image(ColorType.RGB, 8, 16, 16, 2));
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> ImageCodecs.decode(cut)).as("prefix %d", n)
                    .isInstanceOf(StarlightException.class)
                    .extracting(e -> ((StarlightException) e).code())
                    .isIn(ErrorCode.TRUNCATED, ErrorCode.MALFORMED, ErrorCode.EMPTY_INPUT, ErrorCode.UNSUPPORTED_FORMAT);
        }
    }

    @Test
    void badIhdrCrcIsMalformedAndLyingChunkLengthIsTruncated() {
        byte[] file = writer.encode(image(ColorType.RGB, 8, 4, 4, 2));
        byte[] badCrc = file.clone();
        badCrc[29] ^= 0x55;
        assertThatThrownBy(() -> ImageCodecs.decode(badCrc)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.MALFORMED);
        byte[] lying = file.clone();
        int idat = PngTestFiles.indexOf(file, "IDAT") - 4;
        lying[idat] = 0x7F;
        assertThatThrownBy(() -> ImageCodecs.decode(lying)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TRUNCATED);
    }

    @Test
    void paletteIndexPastThePaletteIsMalformed() {
        DecodedImage in = image(ColorType.INDEXED, 8, 4, 4, 1);
        Palette small = new Palette(Arrays.copyOf(in.palette().rgb(), 10), null);
        int[] idx = new int[16];
        idx[5] = 200;
        DecodedImage bad = new DecodedImage(ImageFormat.PNG, 4, 4, 8, ColorType.INDEXED, new int[3][16], small, idx,
                false, List.of(), List.of(), 0, null);
        byte[] file = writer.encode(bad);
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.MALFORMED);
    }

    private static void assertSameSamples(DecodedImage d, Raster raster, String what) {
        int bands = raster.getNumBands();
        assertThat(d.planes().length).as(what).isEqualTo(bands);
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < d.height(); y++) {
                for (int x = 0; x < d.width(); x++) {
                    if (d.planes()[b][y * d.width() + x] != raster.getSample(x, y, b)) {
                        throw new AssertionError(what + ": band " + b + " differs at " + x + "," + y);
                    }
                }
            }
        }
    }

    /** Hand-made PNG files for the hostile cases. */
    static final class PngTestFiles {
        static byte[] withIhdr(int w, int h, int depth, int type) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(PngChunk.SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            PngChunk.writeInt(ihdr, w);
            PngChunk.writeInt(ihdr, h);
            ihdr.write(depth);
            ihdr.write(type);
            ihdr.writeBytes(new byte[3]);
            PngChunk.write(out, "IHDR", ihdr.toByteArray());
            PngChunk.write(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
            PngChunk.write(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        static byte[] bomb(int w, int h) {
            Deflater d = new Deflater(9);
            d.setInput(new byte[1 << 20]);
            d.finish();
            byte[] buf = new byte[1 << 16];
            int n = d.deflate(buf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(PngChunk.SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            PngChunk.writeInt(ihdr, w);
            PngChunk.writeInt(ihdr, h);
            ihdr.write(8);
            ihdr.write(6);
            ihdr.writeBytes(new byte[3]);
            PngChunk.write(out, "IHDR", ihdr.toByteArray());
            PngChunk.write(out, "IDAT", Arrays.copyOf(buf, n));
            PngChunk.write(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        static byte[] insertBeforeIdat(byte[] file, String type, byte[] data) {
            int idat = indexOf(file, "IDAT") - 4;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(file, 0, idat);
            PngChunk.write(out, type, data);
            out.write(file, idat, file.length - idat);
            return out.toByteArray();
        }

        static int indexOf(byte[] file, String type) {
            byte[] t = type.getBytes();
            for (int i = 8; i < file.length - 4; i++) {
                if (file[i] == t[0] && file[i + 1] == t[1] && file[i + 2] == t[2] && file[i + 3] == t[3]) {
                    return i;
                }
            }
            throw new AssertionError(type + " not found");
        }

        /** An 8-bit RGB image written with Adam7 interlacing, unfiltered. */
        static byte[] interlaced(DecodedImage img) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int[] p : PngDecoder.ADAM7) {
                int pw = (img.width() - p[0] + p[2] - 1) / p[2];
                int ph = (img.height() - p[1] + p[3] - 1) / p[3];
                if (pw <= 0 || ph <= 0) {
                    continue;
                }
                for (int y = 0; y < ph; y++) {
                    raw.write(0);
                    for (int x = 0; x < pw; x++) {
                        int i = (p[1] + y * p[3]) * img.width() + p[0] + x * p[2];
                        for (int[] plane : img.planes()) {
                            raw.write(plane[i]);
                        }
                    }
                }
            }
            Deflater d = new Deflater();
            d.setInput(raw.toByteArray());
            d.finish();
            byte[] buf = new byte[raw.size() + 1024];
            int n = d.deflate(buf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(PngChunk.SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            PngChunk.writeInt(ihdr, img.width());
            PngChunk.writeInt(ihdr, img.height());
            ihdr.write(8);
            ihdr.write(2);
            ihdr.write(0);
            ihdr.write(0);
            ihdr.write(1);
            PngChunk.write(out, "IHDR", ihdr.toByteArray());
            PngChunk.write(out, "IDAT", Arrays.copyOf(buf, n));
            PngChunk.write(out, "IEND", new byte[0]);
            return out.toByteArray();
        }
    }
}
