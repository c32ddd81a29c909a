package dev.starlight.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.core.Corpus;
import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebpCodecTest {
    private final WebpWriter writer = new WebpWriter();

    private static DecodedImage image(ColorType type, int w, int h, long seed) {
        DecodedImage src = PngCodecTest.image(type, 8, w, h, seed);
        return new DecodedImage(ImageFormat.WEBP, w, h, 8, type, src.planes(), null, null, false, List.of(), List.of(),
                0, null);
    }

    @Test
    void ourLosslessEncodingDecodesToExactlyTheSamePixels() {
        for (ColorType type : new ColorType[] {ColorType.RGB, ColorType.RGBA}) {
            for (int[] size : new int[][] {{1, 1}, {1, 9}, {13, 1}, {37, 23}, {128, 64}}) {
                DecodedImage in = image(type, size[0], size[1], size[0] + 7L * size[1]);
                DecodedImage out = ImageCodecs.decode(writer.encode(in));
                assertThat(out.lossy()).isFalse();
                assertThat(out.colorType()).isEqualTo(type);
                assertThat(out.planes()).as("%s %dx%d", type, size[0], size[1]).isDeepEqualTo(in.planes());
            }
        }
    }

    @Test
    void singleColourAndTwoColourImagesUseSimpleCodesAndStillDecode() {
        int[][] flat = new int[3][40 * 30];
        Arrays.fill(flat[0], 200);
        Arrays.fill(flat[1], 17);
        Arrays.fill(flat[2], 3);
        DecodedImage one = new DecodedImage(ImageFormat.WEBP, 40, 30, 8, ColorType.RGB, flat, null, null, false,
                List.of(), List.of(), 0, null);
        assertThat(ImageCodecs.decode(writer.encode(one)).planes()).isDeepEqualTo(flat);
        int[][] two = {flat[0].clone(), flat[1].clone(), flat[2].clone()};
        for (int i = 0; i < two[0].length; i += 3) {
            two[0][i] = 0;
            two[1][i] = 255;
        }
        DecodedImage second = one.withSamples(two, null);
        assertThat(ImageCodecs.decode(writer.encode(second)).planes()).isDeepEqualTo(two);
    }

    @Test
    void everyPixelValueInEveryChannelSurvives() {
        int[][] p = new int[4][256 * 4];
        for (int i = 0; i < p[0].length; i++) {
            p[0][i] = i & 0xFF;
            p[1][i] = (i * 7) & 0xFF;
            p[2][i] = (255 - i) & 0xFF;
            p[3][i] = (i * 13) & 0xFF;
        }
        DecodedImage in = new DecodedImage(ImageFormat.WEBP, 256, 4, 8, ColorType.RGBA, p, null, null, false,
                List.of(), List.of(), 0, null);
        assertThat(ImageCodecs.decode(writer.encode(in)).planes()).isDeepEqualTo(p);
    }

    @Test
    void replaceExifMakesAnExtendedFileAndReplaceSamplesKeepsExifAndTrailer() {
        byte[] base = writer.encode(image(ColorType.RGB, 16, 9, 3));
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0};
        byte[] withExif = writer.replaceExif(base, tiff);
        byte[] file = Arrays.copyOf(withExif, withExif.length + 4);
        System.arraycopy("TAIL".getBytes(), 0, file, withExif.length, 4);
        DecodedImage d = ImageCodecs.decode(file);
        assertThat(d.metadata()).extracting(MetadataSegment::kind).containsExactly(MetadataSegment.Kind.EXIF);
        assertThat(d.metadata().get(0).data()).isEqualTo(tiff);
        assertThat(d.trailer()).isEqualTo("TAIL".getBytes());
        int[][] planes = {d.planes()[0].clone(), d.planes()[1], d.planes()[2]};
        planes[0][5] ^= 1;
        DecodedImage back = ImageCodecs.decode(writer.replaceSamples(file, d.withSamples(planes, null)));
        assertThat(back.planes()).isDeepEqualTo(planes);
        assertThat(back.metadata().get(0).data()).isEqualTo(tiff);
        assertThat(back.trailer()).isEqualTo("TAIL".getBytes());
        byte[] replaced = writer.replaceExif(file, new byte[] {'I', 'I', 42, 0});
        assertThat(ImageCodecs.decode(replaced).metadata()).hasSize(1);
    }

    @Test
    void everyCorpusWebpDecodes() throws Exception {
        List<Path> files = new java.util.ArrayList<>(Corpus.covers());
        files.addAll(Corpus.referenceStego());
        int n = 0;
        for (Path p : files) {
            if (p.toString().endsWith(".webp")) {
                DecodedImage d = ImageCodecs.decode(Files.readAllBytes(p));
                assertThat(d.lossy()).as(p.toString()).isFalse();
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(76);
    }

    @Test
    void lyingRiffSizeIsTruncatedAndPrefixesGiveCodes() {
        byte[] file = writer.encode(image(ColorType.RGBA, 8, 8, 1));
        byte[] lying = file.clone();
        lying[4] = (byte) 0xF0;
        assertThatThrownBy(() -> ImageCodecs.decode(lying)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TRUNCATED);
        for (int n = 12; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> ImageCodecs.decode(cut)).as("prefix %d", n)
                    .extracting(e -> ((StarlightException) e).code()).isNotEqualTo(ErrorCode.INTERNAL);
        }
    }

    @Test
    void hugeDeclaredCanvasIsRefused() {
        byte[] file = writer.replaceExif(writer.encode(image(ColorType.RGB, 4, 4, 1)), new byte[] {'M', 'M', 0, 42});
        // VP8X canvas width/height: bytes 24..29
        file[24] = (byte) 0xFF;
        file[25] = (byte) 0xFF;
        file[27] = (byte) 0xFF;
        file[28] = (byte) 0xFF;
        assertThatThrownBy(() -> ImageCodecs.decode(file)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
    }
}
