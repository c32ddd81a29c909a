package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.SyntheticImages;
import dev.starlight.core.image.DecodedImage;
import dev.starlight.core.image.ImageFormat;
import dev.starlight.core.scan.Evidence;
import java.util.Arrays;
import java.util.List;

/** Checks every LSB detector shares. */
final class DetectorChecks {
    private DetectorChecks() {
    }

    /** Mean of the plane estimates (or scores where a detector gives no estimate) that ran. */
    static double mean(Detector d, DecodedImage image) {
        double sum = 0;
        int n = 0;
        for (Evidence e : d.analyse(image, null)) {
            Double v = e.estimate() != null ? e.estimate() : e.score();
            if (v != null) {
                sum += v;
                n++;
            }
        }
        assertThat(n).as("%s ran on no plane", d.name()).isPositive();
        return sum / n;
    }

    /** Lossy JPEG, a 6×6 image and a constant image each give not-run evidence (never nothing, never throws). */
    static void notRunOnLossyTinyAndConstant(Detector d) {
        List<Evidence> jpeg = d.analyse(SyntheticImages.rgb(ImageFormat.JPEG, 64, 64, false, 8, 1), null);
        assertThat(jpeg).singleElement().satisfies(e -> {
            assertThat(e.detector()).isEqualTo(d.name());
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("lossy");
        });

        List<Evidence> tiny = d.analyse(SyntheticImages.rgb(ImageFormat.PNG, 6, 6, false, 8, 1), null);
        assertThat(tiny).hasSize(3).allSatisfy(e -> {
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("too small");
        });
        assertThat(tiny).extracting(Evidence::detector)
                .containsExactly(d.name() + ".red", d.name() + ".green", d.name() + ".blue");

        DecodedImage base = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1);
        int[] flat = new int[64 * 64];
        Arrays.fill(flat, 77);
        DecodedImage constant = base.withSamples(new int[][] {flat, flat.clone(), flat.clone()}, null);
        assertThat(d.analyse(constant, null)).hasSize(3).allSatisfy(e -> {
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("constant");
        });
    }

    /** The detector reads the palette indices of an indexed image as one plane named {@code <family>.index}. */
    static Evidence onIndexPlane(Detector d, DecodedImage indexed) {
        List<Evidence> out = d.analyse(indexed, null);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.detector()).isEqualTo(d.name() + ".index"));
        return out.get(0);
    }
}
