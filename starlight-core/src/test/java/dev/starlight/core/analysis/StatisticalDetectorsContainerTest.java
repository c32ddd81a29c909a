package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticalDetectorsContainerTest {

    @Test
    void containerDetectorsAreListedAndEachAnswersForEveryImage() {
        List<String> names = StatisticalDetectors.all().stream().map(Detector::name).toList();
        assertThat(names).contains("trailer", "meta", "palette.order", "palette.unused");
        DecodedImage jpeg = SyntheticImages.rgb(ImageFormat.JPEG, 16, 16, false, 8, 1);
        for (Detector d : StatisticalDetectors.all()) {
            if (List.of("trailer", "meta", "palette.order", "palette.unused").contains(d.name())) {
                List<Evidence> evidence = d.analyse(jpeg, new byte[0]);
                assertThat(evidence).hasSize(1);
                assertThat(evidence.get(0).detector()).isEqualTo(d.name());
            }
        }
    }
}
