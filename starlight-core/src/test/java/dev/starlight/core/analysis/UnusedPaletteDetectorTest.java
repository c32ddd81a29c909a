package dev.starlight.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnusedPaletteDetectorTest {
    private final UnusedPaletteDetector detector = new UnusedPaletteDetector();

    private Evidence run(DecodedImage image) {
        return detector.analyse(image, new byte[0]).get(0);
    }

    private static int[] distinctColours(int n) {
        Random random = new Random(11);
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = (20 + random.nextInt(200)) << 16 | (20 + random.nextInt(200)) << 8 | (20 + 6 * i);
        }
        return rgb;
    }

    @Test
    void nearIdenticalPairsAtLsbNeighboursBothUsedScoreHigh() {
        int[] base = distinctColours(32);
        int[] rgb = new int[64];
        for (int k = 0; k < 32; k++) {
            rgb[2 * k] = base[k];
            rgb[2 * k + 1] = base[k] + 1;
        }
        Evidence e = run(ContainerFixtures.roundTrip(ContainerFixtures.indexed(ImageFormat.PNG, rgb, 64, 64)));
        assertThat(e.detector()).isEqualTo("palette.unused");
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("2k/2k+1: 32");
    }

    @Test
    void aFewChanceAlignedNeighboursInASmallPaletteScoreLow() {
        // 20 colours: 8 near-identical neighbours at 2k/2k+1 and 2 at 2k+1/2k+2, as a 20-colour PNG of a resized
        // photo had; 6 more than the other pairing is within three standard deviations of chance (9.5)
        int[] base = distinctColours(20);
        int[] rgb = base.clone();
        for (int k = 0; k < 8; k++) {
            rgb[2 * k + 1] = rgb[2 * k] + 1;
        }
        rgb[17] = base[17];
        rgb[18] = rgb[17] + 1;
        rgb[19] = base[19];
        rgb[16] = base[16];
        rgb[15] = rgb[14] + 1;
        rgb[16] = rgb[15] + 1;
        Evidence e = run(ContainerFixtures.roundTrip(ContainerFixtures.indexed(ImageFormat.PNG, rgb, 20, 20)));
        assertThat(e.detail()).contains("2k/2k+1: 8, at 2k+1/2k+2: 2");
        assertThat(e.score()).isLessThan(0.2);
        assertThat(UnusedPaletteDetector.pairingIsSignificant(8, 2)).isFalse();
        assertThat(UnusedPaletteDetector.pairingIsSignificant(32, 0)).isTrue();
    }

    @Test
    void identicalColoursBothUsedScoreHigh() {
        int[] base = distinctColours(16);
        int[] rgb = new int[32];
        for (int k = 0; k < 16; k++) {
            rgb[k] = base[k];
            rgb[k + 16] = base[k];
        }
        Evidence e = run(ContainerFixtures.roundTrip(ContainerFixtures.indexed(ImageFormat.PNG, rgb, 32, 32)));
        assertThat(e.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.detail()).contains("16 identical pairs (16 with both used)");
    }

    @Test
    void unusedPaddingEntriesAndDistinctColoursScoreLow() {
        // 40 colours: the GIF writer pads the table to 64 entries of black, never used
        Evidence e = run(ContainerFixtures.roundTrip(ContainerFixtures.indexed(ImageFormat.GIF, distinctColours(40), 32, 32)));
        assertThat(e.score()).isLessThan(0.2);
        assertThat(e.detail()).startsWith("24 of 64 entries unused");
    }

    @Test
    void trueColourImageDoesNotRun() {
        Evidence e = run(SyntheticImages.rgb(ImageFormat.PNG, 8, 8, false, 8, 1));
        assertThat(e.notRunAtAll()).isTrue();
        assertThat(e.detail()).contains("not an indexed image");
    }
}
