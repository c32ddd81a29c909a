package dev.starlight.codecs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starlight.codecs.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Changed coefficients written back by {@link JpegCoefficientWriter} read back exactly and decode to pixels. */
class JpegCoefficientWriterTest {

    @Test
    void everyCorpusJpegRoundTripsWithChangedLumaCoefficientsExactly() throws IOException {
        int files = 0;
        for (Path p : Corpus.covers()) {
            if (!p.toString().matches(".*\\.jpe?g")) {
                continue;
            }
            byte[] original = Files.readAllBytes(p);
            JpegCoefficients before = JpegCoefficientReader.read(original);
            short[] changed = before.luma().coefficients().clone();
            SplittableRandom r = new SplittableRandom(p.hashCode());
            for (int i = 0; i < changed.length; i++) {
                if ((i & 63) != 0 && changed[i] != 0 && r.nextInt(4) == 0) {
                    changed[i] ^= 1; // an LSB flip: the kind of change the DCT embedders make
                }
            }
            List<JpegCoefficients.Component> comps = new ArrayList<>(before.components());
            comps.set(0, before.luma().withCoefficients(changed));
            byte[] written = JpegCoefficientWriter.write(original,
                    new JpegCoefficients(before.width(), before.height(), before.progressive(), comps));

            JpegCoefficients after = JpegCoefficientReader.read(written);
            assertThat(after.luma().coefficients()).as(p.getFileName().toString()).isEqualTo(changed);
            for (int c = 1; c < comps.size(); c++) {
                assertThat(after.components().get(c).coefficients()).isEqualTo(comps.get(c).coefficients());
                assertThat(after.components().get(c).quant()).isEqualTo(comps.get(c).quant());
            }
            assertThat(after.luma().quant()).isEqualTo(before.luma().quant());
            DecodedImage decoded = ImageCodecs.decode(written);
            assertThat(decoded.width()).isEqualTo(before.width());
            assertThat(decoded.height()).isEqualTo(before.height());
            files++;
        }
        assertThat(files).isGreaterThan(50);
    }

    @Test
    void aFileThatIsNotAJpegIsRefusedWithADecodeError() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        JpegCoefficients none = new JpegCoefficients(8, 8, false, List.of(
                new JpegCoefficients.Component(1, 1, 1, new int[64], 1, 1, new short[64])));
        assertThatThrownBy(() -> JpegCoefficientWriter.write(png, none)).isInstanceOf(ImageDecodeException.class);
    }
}
