package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficientWriter;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code jpeg.seq} on the shared corpus's clean JPEGs and on the same JPEGs with jsteg's embedding (sequential LSB
 * replacement of the luma AC coefficients other than 0 and 1, from the first block on) written into real files.
 */
class JpegSequentialDetectorTest {

    @Test
    void noCleanCorpusJpegReachesTheOperatingPoint() {
        List<Path> jpegs = corpusJpegs();
        assertThat(jpegs).hasSizeGreaterThan(50);
        for (Path p : jpegs) {
            Evidence e = JpegSequentialDetector.analyse(luma(read(p)));
            if (e.score() != null) {
                assertThat(e.score()).as("%s: %s", p.getFileName(), e.detail()).isLessThan(0.5);
            }
        }
    }

    @Test
    void sequentialReplacementAtAFifthOfABitPerNonZeroAcIsFoundWithItsRate() {
        int tried = 0;
        int found = 0;
        for (Path p : corpusJpegs()) {
            JpegCoefficients.Component cover = luma(read(p));
            long nonZero = JpegStegoFeatures.nonZeroAc(cover);
            if (nonZero < 5_000) {
                continue; // a message of under 1,000 bits: too short to test at this rate
            }
            tried++;
            JpegSequentialDetector.Sweep s = JpegSequentialDetector.sweep(jsteg(cover, nonZero / 5, p.hashCode()));
            if (s.z() >= JpegSequentialDetector.Z_STEGO) {
                found++;
                assertThat(s.rate()).as("rate estimate of %s", p.getFileName()).isBetween(0.1, 0.35);
            }
        }
        System.out.println("jpeg.seq: jsteg at 0.2 bits per non-zero AC found on " + found + " of " + tried
                + " corpus JPEGs");
        assertThat(tried).isGreaterThan(30);
        assertThat(found).as("found of %d", tried).isGreaterThanOrEqualTo(tried * 7 / 10);
    }

    @Test
    void aJstegFileIsCalledStegoByTheScannerWithMethodJsteg() throws IOException {
        Path p = corpusJpegs().stream().filter(f -> JpegStegoFeatures.nonZeroAc(luma(read(f))) > 20_000)
                .findFirst().orElseThrow();
        byte[] original = read(p);
        JpegCoefficients all = JpegCoefficientReader.read(original);
        JpegCoefficients.Component y = all.luma();
        List<JpegCoefficients.Component> comps = new ArrayList<>(all.components());
        comps.set(0, jsteg(y, JpegStegoFeatures.nonZeroAc(y) / 5, 7));
        byte[] stego = JpegCoefficientWriter.write(original,
                new JpegCoefficients(all.width(), all.height(), all.progressive(), comps));

        ScanResult clean = new Scanner().scan(JpegCoefficientWriter.write(original, all));
        ScanResult result = new Scanner().scan(stego);

        assertThat(clean.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(result.verdict()).isEqualTo(Verdict.STEGO);
        assertThat(result.method()).isEqualTo("jsteg");
        assertThat(result.evidence()).anySatisfy(e -> {
            assertThat(e.detector()).isEqualTo(JpegSequentialDetector.FAMILY);
            assertThat(e.score()).isGreaterThanOrEqualTo(0.5);
        });
    }

    @Test
    void randomPositionReplacementIsNotClaimedAsSequential() {
        // the same number of changes spread over the whole image (outguess-like positions) keeps every prefix's
        // signs as balanced as the whole image's: the sweep's peak is at the end, not at the message's length
        for (Path p : corpusJpegs().subList(0, 20)) {
            JpegCoefficients.Component cover = luma(read(p));
            short[] c = cover.coefficients().clone();
            SplittableRandom r = new SplittableRandom(p.hashCode());
            for (int i = 0; i < c.length; i++) {
                if ((i & 63) != 0 && c[i] != 0 && c[i] != 1 && r.nextInt(50) == 0) {
                    c[i] = (short) ((c[i] & ~1) | r.nextInt(2));
                }
            }
            Evidence e = JpegSequentialDetector.analyse(cover.withCoefficients(c));
            if (e.score() != null) {
                assertThat(e.score()).as("%s: %s", p.getFileName(), e.detail()).isLessThan(0.5);
            }
        }
    }

    /** jsteg: {@code bits} random bits into the LSBs of the AC coefficients other than 0 and 1, in order. */
    static JpegCoefficients.Component jsteg(JpegCoefficients.Component c, long bits, long seed) {
        short[] coef = c.coefficients().clone();
        SplittableRandom r = new SplittableRandom(seed);
        long left = bits;
        for (int i = 0; i < coef.length && left > 0; i++) {
            if ((i & 63) != 0 && coef[i] != 0 && coef[i] != 1) {
                coef[i] = (short) ((coef[i] & ~1) | r.nextInt(2));
                left--;
            }
        }
        return c.withCoefficients(coef);
    }

    private static List<Path> corpusJpegs() {
        return Corpus.covers().stream().filter(p -> p.toString().matches(".*\\.jpe?g")).toList();
    }

    private static JpegCoefficients.Component luma(byte[] file) {
        return JpegCoefficientReader.read(file).luma();
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
