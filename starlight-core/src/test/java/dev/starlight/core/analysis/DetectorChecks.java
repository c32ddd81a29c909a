package dev.starlight.core.analysis;

import dev.starlight.core.Detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.util.Arrays;
import java.util.List;

/** Checks every LSB detector shares. */
final class DetectorChecks {
    private DetectorChecks() {
    }

    /** An embedding applied to each plane's samples of a cover, seeded per cover. */
    interface PlaneEmbedding {
        int[] apply(int[] samples, long seed);
    }

    /** {@link #mean} over the covers after embedding cover i (every plane) with seed i. */
    static double meanOverCovers(Detector d, List<DecodedImage> covers, PlaneEmbedding embedding) {
        double sum = 0;
        for (int i = 0; i < covers.size(); i++) {
            long seed = i;
            sum += mean(d, LsbStego.map(covers.get(i), s -> embedding.apply(s, seed)));
        }
        return sum / covers.size();
    }

    /** Mean of the plane estimates (or scores where a detector gives no estimate) that ran. */
    static double mean(Detector d, DecodedImage image) {
        return mean(d, d.name(), image);
    }

    /** As {@link #mean(Detector, DecodedImage)}, over one family of a detector that gives several. */
    static double mean(Detector d, String family, DecodedImage image) {
        double sum = 0;
        int n = 0;
        for (Evidence e : ofFamily(d.analyse(image, null), family)) {
            Double v = e.estimate() != null ? e.estimate() : e.score();
            if (v != null) {
                sum += v;
                n++;
            }
        }
        assertThat(n).as("%s ran on no plane", family).isPositive();
        return sum / n;
    }

    /** Lossy JPEG, a 6×6 image and a constant image each give not-run evidence (never nothing, never throws). */
    static void notRunOnLossyTinyAndConstant(Detector d) {
        notRunOnLossyTinyAndConstant(d, d.name());
    }

    /** As {@link #notRunOnLossyTinyAndConstant(Detector)}, for one family of a detector that gives several. */
    static void notRunOnLossyTinyAndConstant(Detector d, String family) {
        List<Evidence> jpeg = ofFamily(d.analyse(SyntheticImages.rgb(ImageFormat.JPEG, 64, 64, false, 8, 1), null), family);
        assertThat(jpeg).singleElement().satisfies(e -> {
            assertThat(e.detector()).isEqualTo(family);
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("lossy");
        });

        List<Evidence> tiny = ofFamily(d.analyse(SyntheticImages.rgb(ImageFormat.PNG, 6, 6, false, 8, 1), null), family);
        assertThat(tiny).hasSize(3).allSatisfy(e -> {
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("too small");
        });
        assertThat(tiny).extracting(Evidence::detector)
                .containsExactly(family + ".red", family + ".green", family + ".blue");

        DecodedImage base = SyntheticImages.rgb(ImageFormat.PNG, 64, 64, false, 8, 1);
        int[] flat = new int[64 * 64];
        Arrays.fill(flat, 77);
        DecodedImage constant = base.withSamples(new int[][] {flat, flat.clone(), flat.clone()}, null);
        assertThat(ofFamily(d.analyse(constant, null), family)).hasSize(3).allSatisfy(e -> {
            assertThat(e.notRunAtAll()).isTrue();
            assertThat(e.detail()).contains("constant");
        });
    }

    /** The detector reads the palette indices of an indexed image as one plane named {@code <family>.index}. */
    static Evidence onIndexPlane(Detector d, DecodedImage indexed) {
        return onIndexPlane(d, d.name(), indexed);
    }

    static Evidence onIndexPlane(Detector d, String family, DecodedImage indexed) {
        List<Evidence> out = ofFamily(d.analyse(indexed, null), family);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.detector()).isEqualTo(family + ".index"));
        return out.get(0);
    }

    /** The evidence of one family: named {@code family} or {@code family.<plane>}. */
    static List<Evidence> ofFamily(List<Evidence> evidence, String family) {
        return evidence.stream().filter(e -> e.detector().equals(family) || e.detector().startsWith(family + ".")
                && e.detector().indexOf('.', family.length() + 1) < 0).toList();
    }
}
