package dev.starlight.lab.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.analysis.JpegStegoFeatures;
import dev.starlight.core.analysis.JpegStegoModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedJpegFitTest {

    /** The corpus's JPEG covers (real photographs, not in the fit's data: the fit's covers are re-compressed). */
    private static List<Path> corpusJpegs() throws IOException {
        Path covers = Path.of(System.getProperty("starlight.corpus", "../shared/corpus")).resolve("covers");
        assumeTrue(Files.isDirectory(covers), "corpus not found at " + covers.toAbsolutePath()
                + ": the check of the shipped fit on real JPEGs is skipped");
        try (Stream<Path> s = Files.list(covers)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(12).toList();
        }
    }

    @Test
    void theShippedFitLoadsWithItsProvenanceAndTheCurrentFeatures() {
        JpegStegoModel m = JpegStegoModel.shipped();
        assertThat(m).as("jpeg-stego-model.json on the class path, made for JpegStegoFeatures.NAMES").isNotNull();
        assertThat(m.provenance()).containsKeys("command", "dataSha256", "date", "holdout");
        assertThat(m.provenance().get("dataSha256")).hasSize(64);
        assertThat(m.thresholds()).containsOnlyKeys("steghide", "outguess", "f5", "jsteg");
        assertThat(m.thresholds().values()).allSatisfy(t -> assertThat(t).isFinite());
        assertThat(m.provenance()).containsKeys("deciding", "threshold", "features");
        assertThat(m.detectors().keySet()).containsAll(m.deciding());
    }

    @Test
    void aSimulatedF5ImageScoresAboveItsCover() throws IOException {
        JpegStegoModel m = JpegStegoModel.shipped();
        int separated = 0;
        List<Path> covers = corpusJpegs();
        for (Path p : covers) {
            JpegCoefficients.Component c = JpegCoefficientReader.read(Files.readAllBytes(p)).luma();
            long bits = Math.round(0.4 * JpegStegoFeatures.nonZeroAc(c));
            short[] f5 = F5Embedder.f5(c, bits, new SplittableRandom(7));
            JpegStegoModel.Result cover = m.classify(JpegStegoFeatures.of(c));
            JpegStegoModel.Result stego = m.classify(JpegStegoFeatures.of(c.withCoefficients(f5)));
            separated += stego.scores().get("f5") > cover.scores().get("f5") ? 1 : 0;
            assertThat(cover.decided()).as("the clean corpus JPEG %s is not called stego", p).isFalse();
        }
        assertThat(separated).as("F5's detector scores F5 at 0.4 bits per non-zero AC above its own cover")
                .isEqualTo(covers.size());
    }
}
