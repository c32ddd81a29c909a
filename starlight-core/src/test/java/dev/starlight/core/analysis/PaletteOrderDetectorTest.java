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

    /** The sorted test image with its table reordered ({@code order[newPos]} = old entry); pixels follow. */
    private static DecodedImage reordered(int[] order) {
        DecodedImage sorted = ContainerFixtures.indexed(ImageFormat.GIF, sortedPalette(), 64, 64);
        int[] rgb = new int[64];
        int[] newPosition = new int[64];
        for (int pos = 0; pos < 64; pos++) {
            rgb[pos] = sorted.palette().rgb()[order[pos]];
            newPosition[order[pos]] = pos;
        }
        int[] indices = sorted.indices().clone();
        for (int k = 0; k < indices.length; k++) {
            indices[k] = newPosition[indices[k]];
        }
        Palette palette = new Palette(rgb, null);
        return ContainerFixtures.roundTrip(new DecodedImage(ImageFormat.GIF, 64, 64, 8, sorted.colorType(),
                palette.expand(indices), palette, indices, false, List.of(), sorted.frames(), 0, new byte[0]));
    }

    @Test
    void sortedTableWithAPermutedTailAsGifshuffleLeavesItScoresHigh() {
        // gifshuffle: 24 entries taken out of the value-sorted table and placed, permuted, after the 40 left in order
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new Random(3));
        List<Integer> taken = all.subList(0, 24);
        int[] order = new int[64];
        int pos = 0;
        for (int i = 0; i < 64; i++) {
            if (!taken.contains(i)) {
                order[pos++] = i;
            }
        }
        for (int t : taken) {
            order[pos++] = t;
        }
        Evidence e = run(reordered(order));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("gifshuffle");
    }

    @Test
    void anArbitraryOrderIsOrdinary() {
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new Random(5));
        Evidence e = run(reordered(all.stream().mapToInt(Integer::intValue).toArray()));
        assertThat(e.score()).isLessThan(0.5);
    }

    @Test
    void aSortedHeadFollowedByColoursOutsideItsRangeIsOrdinary() {
        int[] order = new int[64];
        for (int i = 0; i < 64; i++) {
            order[i] = i < 40 ? i + 24 : 63 - i;   // the 24 darkest colours after the sorted rest, as fill
        }
        assertThat(run(reordered(order)).score()).isLessThan(0.5);
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
