package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GifCodecTest {
    private final GifWriter writer = new GifWriter();

    static DecodedImage indexed(int w, int h, int paletteSize, boolean noisy, long seed) {
        Random r = new Random(seed);
        int[] rgb = new int[paletteSize];
        for (int i = 0; i < paletteSize; i++) {
            rgb[i] = r.nextInt(1 << 24);
        }
        Palette p = new Palette(rgb, null);
        int[] idx = new int[w * h];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = noisy ? r.nextInt(paletteSize) : (i / 5) % paletteSize;
        }
        return new DecodedImage(ImageFormat.GIF, w, h, 8, ColorType.INDEXED, p.expand(idx), p, idx, false, List.of(),
                List.of(), 0, null);
    }

    @Test
    void encodedIndicesDecodeExactlyForSmallAndLargePalettesAndFullLzwTables() {
        for (int size : new int[] {2, 3, 8, 16, 200, 256}) {
            for (boolean noisy : new boolean[] {false, true}) {
                DecodedImage in = indexed(97, 61, size, noisy, size);
                DecodedImage out = ImageCodecs.decode(writer.encode(in));
                assertThat(out.indices()).as("palette %d noisy %s", size, noisy).isEqualTo(in.indices());
                assertThat(out.palette().rgb()).startsWith(in.palette().rgb());
            }
        }
    }

    @Test
    void imageIoReadsOurGifsWithTheSameIndices() throws Exception {
        DecodedImage in = indexed(64, 40, 256, true, 4);
        Raster raster = ImageIO.read(new ByteArrayInputStream(writer.encode(in))).getRaster();
        for (int i = 0; i < in.indices().length; i++) {
            assertThat(raster.getSample(i % 64, i / 64, 0)).isEqualTo(in.indices()[i]);
        }
    }

    @Test
    void imageIoWrittenGifsDecodeToImageIoIndices() throws Exception {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 16);
            g[i] = (byte) (255 - i * 16);
            b[i] = (byte) (i * 7);
        }
        BufferedImage bi = new BufferedImage(50, 31, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, g, b));
        Random rnd = new Random(1);
        for (int y = 0; y < 31; y++) {
            for (int x = 0; x < 50; x++) {
                bi.getRaster().setSample(x, y, 0, rnd.nextInt(16));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(bi, "gif", bytes);
        assertSameIndices(bytes.toByteArray(), "ImageIO GIF");
    }

    @Test
    void everyCorpusGifDecodesToImageIoIndices() throws Exception {
        List<Path> files = new java.util.ArrayList<>(Corpus.covers());
        files.addAll(Corpus.referenceStego());
        int n = 0;
        for (Path p : files) {
            if (p.toString().endsWith(".gif")) {
                assertSameIndices(Files.readAllBytes(p), p.getFileName().toString());
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(77);
    }

    @Test
    void replaceSamplesChangesOnlyFrameZeroAndKeepsCommentsOtherFramesAndTrailer() {
        DecodedImage in = indexed(20, 10, 16, true, 2);
        byte[] single = writer.encode(in);
        // add a comment before the image and a second frame + trailer after it
        int descriptor = single.length - 1; // before 0x3B
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int imageStart = indexOfDescriptor(single);
        out.write(single, 0, imageStart);
        out.writeBytes(new byte[] {0x21, (byte) 0xFE, 5, 'h', 'e', 'l', 'l', 'o', 0});
        out.write(single, imageStart, descriptor - imageStart);
        out.write(single, imageStart, descriptor - imageStart); // frame 1 = copy of frame 0
        out.write(0x3B);
        out.writeBytes("TAIL".getBytes());
        byte[] file = out.toByteArray();
        DecodedImage decoded = ImageCodecs.decode(file);
        assertThat(decoded.frames()).hasSize(2);
        int[] idx = decoded.indices().clone();
        idx[0] ^= 1;
        byte[] rewritten = writer.replaceSamples(file, decoded.withSamples(decoded.planes(), idx));
        DecodedImage back = ImageCodecs.decode(rewritten);
        assertThat(back.indices()).isEqualTo(idx);
        assertThat(back.frames()).hasSize(2);
        assertThat(back.trailer()).isEqualTo("TAIL".getBytes());
        assertThat(back.metadata()).extracting(MetadataSegment::kind).containsExactly(MetadataSegment.Kind.COMMENT);
        assertThat(Arrays.copyOfRange(rewritten, rewritten.length - 4 - (descriptor - imageStart) - 1,
                rewritten.length)).isEqualTo(Arrays.copyOfRange(file, file.length - 4 - (descriptor - imageStart) - 1,
                file.length));
    }

    @Test
    void hugeScreenIsRefusedAndTruncationsGiveCodes() {
        byte[] file = writer.encode(indexed(16, 16, 4, true, 3));
        byte[] huge = file.clone();
        huge[6] = (byte) 0xFF;
        huge[7] = (byte) 0xFF;
        huge[8] = (byte) 0xFF;
        huge[9] = (byte) 0xFF;
        assertThatThrownBy(() -> ImageCodecs.decode(huge)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            try {
                ImageCodecs.decode(cut);
            } catch (StarlightException e) {
                assertThat(e.code()).as("prefix %d", n).isNotEqualTo(ErrorCode.INTERNAL);
            }
        }
    }

    @Test
    void frameFarLargerThanItsDataCouldFillIsABomb() {
        byte[] file = new GifWriter().encode(indexed(4, 4, 4, false, 1));
        // screen and frame both claim 6000 x 6000 with a few bytes of LZW data
        byte[] bomb = file.clone();
        int descriptor = 13 + 3 * 4;
        for (int o : new int[] {6, descriptor + 5}) {
            bomb[o] = (byte) 0x70;
            bomb[o + 1] = 0x17;
            bomb[o + 2] = (byte) 0x70;
            bomb[o + 3] = 0x17;
        }
        assertThatThrownBy(() -> ImageCodecs.decode(bomb)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.DECOMPRESSION_BOMB);
    }

    @Test
    void trailerBeforeAnyImageIsMalformed() {
        // found by MutationFuzzTest (seed 20261124, case 2017): header, screen, no table, then 0x3B
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, 0x3B};
        assertThatThrownBy(() -> ImageCodecs.decode(gif)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void undefinedLzwCodeIsMalformed() {
        // min code size 2: clear=4, eoi=5; first code 7 after a clear is undefined
        int[] out = new int[4];
        byte[] stream = {(byte) (4 | (7 << 3)), 0};
        assertThatThrownBy(() -> GifLzw.decode(stream, 2, out)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.MALFORMED);
    }

    /** After the 13-byte header and the global table (our writer emits no extension without transparency). */
    private static int indexOfDescriptor(byte[] gif) {
        int table = (gif[10] & 0x80) != 0 ? 3 * (2 << (gif[10] & 7)) : 0;
        assertThat(gif[13 + table]).isEqualTo((byte) 0x2C);
        return 13 + table;
    }

    private static void assertSameIndices(byte[] file, String what) throws Exception {
        DecodedImage d = ImageCodecs.decode(file);
        Raster raster = ImageIO.read(new ByteArrayInputStream(file)).getRaster();
        for (int y = 0; y < d.height(); y++) {
            for (int x = 0; x < d.width(); x++) {
                if (d.indices()[y * d.width() + x] != raster.getSample(x, y, 0)) {
                    throw new AssertionError(what + ": index differs at " + x + "," + y);
                }
            }
        }
    }
}
