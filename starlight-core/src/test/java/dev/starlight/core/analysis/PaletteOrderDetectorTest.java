package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.Palette;
import dev.starlight.core.Evidence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaletteOrderDetectorTest {
    private final PaletteOrderDetector detector = new PaletteOrderDetector();

    /** A smooth ramp, as a luminance- or octree-ordered encoder would emit it. */
    private static int[] sortedPalette() {
        int[] rgb = new int[64];
        for (int i = 0; i < 64; i++) {
            rgb[i] = (i * 4) << 16 | (60 + i * 2) << 8 | (250 - i * 3);
        }
        return rgb;
    }

    private Evidence run(DecodedImage image) {
        return detector.analyse(image, new byte[0]).get(0);
    }

    @Test
    void sortedPaletteScoresLow() {
        DecodedImage gif = ContainerFixtures.roundTrip(ContainerFixtures.indexed(ImageFormat.GIF, sortedPalette(), 64, 64));
        Evidence e = run(gif);
        assertThat(e.detector()).isEqualTo("palette.order");
        assertThat(e.score()).isLessThan(0.1);
    }

    @Test
    void shuffledPaletteWithRemappedIndicesScoresHigh() {
        DecodedImage sorted = ContainerFixtures.indexed(ImageFormat.GIF, sortedPalette(), 64, 64);
        int[] perm = new int[64];
        for (int i = 0; i < 64; i++) {
            perm[i] = i;
        }
        Random random = new Random(3);
        for (int i = 63; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        // entry i moves to position perm[i]; pixels follow it, so the picture is unchanged
        int[] rgb = new int[64];
        for (int i = 0; i < 64; i++) {
            rgb[perm[i]] = sorted.palette().rgb()[i];
        }
        int[] indices = sorted.indices().clone();
        for (int k = 0; k < indices.length; k++) {
            indices[k] = perm[indices[k]];
        }
        Palette palette = new Palette(rgb, null);
        DecodedImage shuffled = new DecodedImage(ImageFormat.GIF, 64, 64, 8, sorted.colorType(),
                palette.expand(indices), palette, indices, false, List.of(), sorted.frames(), 0, new byte[0]);
        Evidence e = run(ContainerFixtures.roundTrip(shuffled));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void paletteOrderedByUsageIsExplained() {
        assertThat(PaletteOrderDetector.score(new PaletteOrderDetector.Stats(64, 1.0, -0.95))).isLessThan(0.1);
    }

    @Test
    void fewColoursOrTrueColourDoNotRun() {
        DecodedImage small = ContainerFixtures.indexed(ImageFormat.PNG, new int[] {0xFF0000, 0x00FF00, 0x0000FF}, 8, 8);
        assertThat(run(small).notRunAtAll()).isTrue();
        assertThat(run(SyntheticImages.rgb(ImageFormat.PNG, 8, 8, false, 8, 1)).notRunAtAll()).isTrue();
    }
}
