package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JPEG detectors on corpus covers and on the same covers with embedding simulated on the coefficients:
 * F5-style shrinkage (|c| of random non-zero AC coefficients decremented, so some become 0) and LSB replacement
 * of AC coefficients other than 0 and 1 (JSteg / OutGuess style).
 */
class JpegDetectorsTest {

    @Test
    void theScannerRunsTheFourJpegDetectorsFromOneReadOfTheCoefficients() {
        assertThat(StatisticalDetectors.all()).extracting(Detector::name).contains("jpeg");
        byte[] file = SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.JPEG, 128, 96, false, 8, 3));
        DecodedImage decoded = ImageCodecs.decode(file);
        List<Evidence> both = new JpegDctDetector().analyse(decoded, file);
        assertThat(both).containsExactly(new JpegHistogramDetector().analyse(decoded, file).get(0),
                new JpegCalibrationDetector().analyse(decoded, file).get(0),
                new JpegSequentialDetector().analyse(decoded, file).get(0),
                new JpegStegoDetector().analyse(decoded, file).get(0));
        DecodedImage png = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1);
        assertThat(new JpegDctDetector().analyse(png, SyntheticImages.encode(png))).extracting(Evidence::detector)
                .containsExactly(JpegHistogramDetector.FAMILY, JpegCalibrationDetector.FAMILY,
                        JpegSequentialDetector.FAMILY, JpegStegoDetector.FAMILY);
    }

    @Test
    void nonJpegImagesAreNotRun() {
        DecodedImage png = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1);
        byte[] file = SyntheticImages.encode(png);
        for (Detector d : List.of(new JpegHistogramDetector(), new JpegCalibrationDetector(),
                new JpegSequentialDetector())) {
            List<Evidence> e = d.analyse(png, file);
            assertThat(e).hasSize(1);
            assertThat(e.get(0).notRunAtAll()).isTrue();
            assertThat(e.get(0).detail()).contains("not a JPEG");
        }
    }

    @Test
    void unreadableCoefficientsAreNotRunWithTheReason() {
        DecodedImage jpeg = SyntheticImages.rgb(ImageFormat.JPEG, 64, 64, false, 8, 2);
        byte[] file = SyntheticImages.encode(jpeg);
        DecodedImage decoded = ImageCodecs.decode(file);
        byte[] cut = Arrays.copyOf(file, file.length / 2);
        for (Detector d : List.of(new JpegHistogramDetector(), new JpegCalibrationDetector(),
                new JpegSequentialDetector())) {
            Evidence e = d.analyse(decoded, cut).get(0);
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("DCT coefficients unreadable");
        }
    }

    @Test
    void aJpegGivesOneScoredEvidencePerDetector() {
        byte[] file = SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.JPEG, 128, 96, false, 8, 3));
        DecodedImage decoded = ImageCodecs.decode(file);
        Evidence hist = new JpegHistogramDetector().analyse(decoded, file).get(0);
        Evidence calib = new JpegCalibrationDetector().analyse(decoded, file).get(0);
        assertThat(hist.detector()).isEqualTo("jpeg.hist");
        assertThat(hist.score()).isBetween(0.0, 1.0);
        assertThat(hist.estimate()).isNull();
        assertThat(calib.detector()).isEqualTo("jpeg.calib");
        assertThat(calib.score()).isBetween(0.0, 1.0);
        assertThat(calib.estimate()).isBetween(0.0, 1.0);
    }

    @Test
    void lsbReplacementOfAcCoefficientsRaisesTheHistogramScoreOnCorpusCovers() throws IOException {
        List<JpegCoefficients.Component> covers = corpusLuma();
        Random random = new Random(11);
        int raised = 0;
        for (JpegCoefficients.Component c : covers) {
            double before = JpegHistogramDetector.analyse(c).score();
            double after = JpegHistogramDetector.analyse(lsbReplace(c, 0.2, random)).score();
            raised += after > before ? 1 : 0;
        }
        System.out.printf("jpeg.hist: LSB replacement (20%% of usable AC) raised the score on %d of %d covers%n",
                raised, covers.size());
        assertThat(raised).isGreaterThanOrEqualTo(covers.size() * 95 / 100);
    }

    @Test
    void f5ShrinkageRaisesTheCalibrationScoreOnCorpusCovers() throws IOException {
        List<JpegCoefficients.Component> covers = corpusLuma();
        Random random = new Random(12);
        int raised = 0;
        for (JpegCoefficients.Component c : covers) {
            double before = JpegCalibrationDetector.analyse(c).score();
            double after = JpegCalibrationDetector.analyse(shrink(c, 0.2, random)).score();
            raised += after > before ? 1 : 0;
        }
        System.out.printf("jpeg.calib: F5 shrinkage (beta 0.2) raised the score on %d of %d covers%n",
                raised, covers.size());
        assertThat(raised).isGreaterThanOrEqualTo(covers.size() * 9 / 10);
    }

    /**
     * The least-squares beta before it is clamped to 0..1 for the evidence: one image's beta scatters (about
     * ±0.2 on these covers), so it is the mean that tracks the rate.
     */
    @Test
    void calibrationEstimatesTheF5ShrinkageRateOnAverage() throws IOException {
        List<JpegCoefficients.Component> covers = corpusLuma();
        Random random = new Random(13);
        for (double beta : new double[] {0.1, 0.2, 0.3, 0.4}) {
            double sum = 0;
            for (JpegCoefficients.Component c : covers) {
                sum += JpegCalibrationDetector.features(shrink(c, beta, random))[0];
            }
            double mean = sum / covers.size();
            System.out.printf("jpeg.calib: true beta %.2f, mean estimate %.3f over %d covers%n", beta, mean,
                    covers.size());
            assertThat(mean).isBetween(beta - 0.05, beta + 0.05);
        }
    }

    private static List<JpegCoefficients.Component> corpusLuma() throws IOException {
        List<JpegCoefficients.Component> out = new ArrayList<>();
        for (Path p : Corpus.covers()) {
            String name = p.getFileName().toString();
            if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                out.add(JpegCoefficientReader.read(Files.readAllBytes(p)).luma());
            }
        }
        assertThat(out).hasSize(77);
        return out;
    }

    /** F5-style: each non-zero AC coefficient is moved one step towards 0 with probability beta. */
    static JpegCoefficients.Component shrink(JpegCoefficients.Component c, double beta, Random random) {
        short[] s = c.coefficients().clone();
        for (int i = 0; i < s.length; i++) {
            if (i % 64 != 0 && s[i] != 0 && random.nextDouble() < beta) {
                s[i] += (short) (s[i] > 0 ? -1 : 1);
            }
        }
        return c.withCoefficients(s);
    }

    /** JSteg / OutGuess style: the LSB of AC coefficients other than 0 and 1 replaced by random bits at a rate. */
    static JpegCoefficients.Component lsbReplace(JpegCoefficients.Component c, double rate, Random random) {
        short[] s = c.coefficients().clone();
        for (int i = 0; i < s.length; i++) {
            if (i % 64 != 0 && s[i] != 0 && s[i] != 1 && random.nextDouble() < rate) {
                s[i] = (short) ((s[i] & ~1) | random.nextInt(2));
            }
        }
        return c.withCoefficients(s);
    }
}
