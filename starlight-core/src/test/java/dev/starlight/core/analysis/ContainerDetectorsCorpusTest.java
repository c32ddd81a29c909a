package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.Corpus;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerDetectorsCorpusTest {

    private static Evidence run(Detector detector, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DecodedImage image = ImageCodecs.decode(bytes);
        return detector.analyse(image, bytes).get(0);
    }

    private static List<String> scoring(Detector detector, List<Path> files, boolean atLeast, double threshold)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            Evidence e = run(detector, f);
            boolean above = e.score() != null && e.score() >= threshold;
            if (above == atLeast) {
                out.add(f.getFileName() + ": " + e.score() + " " + e.detail());
            }
        }
        return out;
    }

    @Test
    void noCleanCoverScoresHalfOnTrailerOrMeta() throws IOException {
        List<Path> covers = Corpus.covers();
        assertThat(scoring(new TrailerDetector(), covers, true, 0.5)).isEmpty();
        assertThat(scoring(new MetadataTextDetector(), covers, true, 0.5)).isEmpty();
    }

    @Test
    void everyReferenceRawTrailerStegoScoresHighOnTrailer() throws IOException {
        List<Path> raw = Corpus.referenceStego().stream().filter(p -> p.getFileName().toString().contains("_eoi_"))
                .toList();
        assertThat(raw).isNotEmpty();
        assertThat(scoring(new TrailerDetector(), raw, false, 0.9)).isEmpty();
    }

    @Test
    void everyReferenceExifStegoScoresHighOnMeta() throws IOException {
        List<Path> exif = Corpus.referenceStego().stream().filter(p -> p.getFileName().toString().contains("_exif_"))
                .toList();
        assertThat(exif).isNotEmpty();
        assertThat(scoring(new MetadataTextDetector(), exif, false, 0.9)).isEmpty();
    }
}
