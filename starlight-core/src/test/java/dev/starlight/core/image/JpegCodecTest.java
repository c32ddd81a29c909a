package dev.starlight.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.core.Corpus;
import dev.starlight.core.ErrorCode;
import dev.starlight.core.StarlightException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegCodecTest {
    private final JpegWriter writer = new JpegWriter();

    private static DecodedImage rgb(int w, int h) {
        int[][] p = new int[3][w * h];
        for (int i = 0; i < w * h; i++) {
            p[0][i] = (i % w) * 255 / w;
            p[1][i] = (i / w) * 255 / h;
            p[2][i] = 128;
        }
        return new DecodedImage(ImageFormat.JPEG, w, h, 8, ColorType.RGB, p, null, null, true, List.of(), List.of(), 0, null);
    }

    @Test
    void encodedJpegDecodesCloseToItsSourceWithTheRightSizeAndNoTrailer() {
        DecodedImage in = rgb(40, 24);
        DecodedImage out = ImageCodecs.decode(writer.encode(in));
        assertThat(out.width()).isEqualTo(40);
        assertThat(out.height()).isEqualTo(24);
        assertThat(out.lossy()).isTrue();
        assertThat(out.trailer()).isEmpty();
        for (int i = 0; i < 40 * 24; i += 37) {
            assertThat(Math.abs(out.planes()[0][i] - in.planes()[0][i])).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void segmentsAreReportedWithOffsetsAndTheTrailerStartsAfterTheFirstImagesEoi() {
        byte[] base = writer.encode(rgb(16, 16));
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
        byte[] withExif = writer.replaceExif(base, tiff);
        // a COM segment right after the EXIF, then an appended JPEG (which contains FFD9 itself) as trailer
        int insert = 2 + 2 + ((withExif[4] & 0xFF) << 8 | withExif[5] & 0xFF); // after APP0
        insert += 2 + ((withExif[insert + 2] & 0xFF) << 8 | withExif[insert + 3] & 0xFF); // after APP1
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(withExif, 0, insert);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 7, 'h', 'e', 'l', 'l', 'o'});
        out.write(withExif, insert, withExif.length - insert);
        int imageLength = out.size();
        out.writeBytes(base);
        byte[] file = out.toByteArray();
        DecodedImage d = ImageCodecs.decode(file);
        assertThat(d.imageEnd()).isEqualTo(imageLength);
        assertThat(d.trailer()).isEqualTo(base);
        MetadataSegment exif = d.metadata().stream().filter(m -> m.kind() == MetadataSegment.Kind.EXIF).findFirst().orElseThrow();
        assertThat(exif.data()).isEqualTo(tiff);
        assertThat(Arrays.copyOfRange(file, (int) exif.offset(), (int) exif.offset() + tiff.length)).isEqualTo(tiff);
        MetadataSegment com = d.metadata().stream().filter(m -> m.kind() == MetadataSegment.Kind.COMMENT).findFirst().orElseThrow();
        assertThat(com.data()).containsExactly('h', 'e', 'l', 'l', 'o');
    }

    @Test
    void replaceExifReplacesAnExistingExifSegmentInsteadOfAddingOne() {
        byte[] once = writer.replaceExif(writer.encode(rgb(8, 8)), new byte[] {'M', 'M', 0, 42});
        byte[] twice = writer.replaceExif(once, new byte[] {'I', 'I', 42, 0, 1});
        List<MetadataSegment> exif = ImageCodecs.decode(twice).metadata().stream()
                .filter(m -> m.kind() == MetadataSegment.Kind.EXIF).toList();
        assertThat(exif).hasSize(1);
        assertThat(exif.get(0).data()).containsExactly('I', 'I', 42, 0, 1);
    }

    @Test
    void everyCorpusJpegDecodes() throws Exception {
        List<Path> files = new java.util.ArrayList<>(Corpus.covers());
        files.addAll(Corpus.referenceStego());
        int n = 0;
        for (Path p : files) {
            if (p.toString().endsWith(".jpg")) {
                DecodedImage d = ImageCodecs.decode(Files.readAllBytes(p));
                assertThat(d.width()).isPositive();
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(77);
    }

    @Test
    void hugeFrameIsRefusedAndTruncationsGiveCodes() {
        byte[] file = writer.encode(rgb(16, 16));
        byte[] huge = file.clone();
        int sof = indexOfSof(huge);
        huge[sof + 5] = (byte) 0xFF;
        huge[sof + 6] = (byte) 0xFF;
        huge[sof + 7] = (byte) 0xFF;
        huge[sof + 8] = (byte) 0xFF;
        assertThatThrownBy(() -> ImageCodecs.decode(huge)).extracting(e -> ((StarlightException) e).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        for (int n = 0; n < file.length; n += 7) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> ImageCodecs.decode(cut)).as("prefix %d", n)
                    .extracting(e -> ((StarlightException) e).code()).isNotEqualTo(ErrorCode.INTERNAL);
        }
    }

    private static int indexOfSof(byte[] f) {
        for (int i = 2; i < f.length - 1; i++) {
            if ((f[i] & 0xFF) == 0xFF && ((f[i + 1] & 0xFF) == 0xC0 || (f[i + 1] & 0xFF) == 0xC2)) {
                return i;
            }
        }
        throw new AssertionError();
    }
}
