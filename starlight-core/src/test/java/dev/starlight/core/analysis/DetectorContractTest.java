package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every detector of {@link StatisticalDetectors#all()} promises, on every kind of image the decoders give. */
class DetectorContractTest {

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("png rgb", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 96, 80, false, 8, 1)));
        files.put("png rgba", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, true, 8, 2)));
        files.put("png 16-bit", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 32, 32, false, 16, 3)));
        files.put("png 3x2", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 3, 2, false, 8, 4)));
        files.put("gif", SyntheticImages.encode(SyntheticImages.indexed(ImageFormat.GIF, 64, 64, 40, 5)));
        files.put("bmp", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.BMP, 48, 48, false, 8, 6)));
        files.put("webp lossless", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.WEBP, 64, 64, false, 8, 7)));
        files.put("jpeg", SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.JPEG, 64, 48, false, 8, 8)));
        return files;
    }

    @Test
    void everyDetectorAnswersForEveryImageWithEvidenceNamedAfterItsFamilies() {
        files().forEach((kind, file) -> {
            DecodedImage image = ImageCodecs.decode(file);
            for (Detector d : StatisticalDetectors.all()) {
                List<Evidence> evidence = d.analyse(image, file);
                assertThat(evidence).as("%s on %s", d.name(), kind).isNotEmpty();
                List<String> families = d instanceof PlaneDetector p ? p.families() : List.of(d.name());
                for (Evidence e : evidence) {
                    assertThat(families.stream().anyMatch(f -> e.detector().equals(f) || e.detector().startsWith(f + ".")))
                            .as("%s gave %s on %s", d.name(), e.detector(), kind).isTrue();
                    if (e.score() == null) {
                        assertThat(e.detail()).as(e.detector()).startsWith("not run: ");
                    } else {
                        assertThat(e.score()).as(e.detector()).isBetween(0.0, 1.0);
                        assertThat(e.detail()).as(e.detector()).isNotBlank();
                    }
                }
            }
        });
    }

    @Test
    void detectorsNeverThrowOnDamagedFileBytesBesideAGoodImage() {
        byte[] jpeg = files().get("jpeg");
        DecodedImage image = ImageCodecs.decode(jpeg);
        for (byte[] damaged : List.of(new byte[0], Arrays.copyOf(jpeg, 20), new byte[] {(byte) 0xFF, (byte) 0xD8})) {
            for (Detector d : StatisticalDetectors.all()) {
                assertThat(d.analyse(image, damaged)).as(d.name()).isNotEmpty();
            }
        }
    }

    @Test
    void theDetectorSetIsSharedAndNamesAreUnique() {
        assertThat(StatisticalDetectors.all()).isSameAs(StatisticalDetectors.all());
        assertThat(StatisticalDetectors.all().stream().map(Detector::name).distinct().count())
                .isEqualTo(StatisticalDetectors.all().size());
    }
}
