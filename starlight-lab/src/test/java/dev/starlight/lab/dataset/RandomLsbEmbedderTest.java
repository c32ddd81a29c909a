package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import org.junit.jupiter.api.Test;

class RandomLsbEmbedderTest {
    private static final DecodedImage COVER = SyntheticImages.rgb(ImageFormat.PNG, 128, 128, true, 8, 3);

    @Test
    void replacementChangesAboutHalfTheCarryingSamplesByExactlyOneLsb() {
        DecodedImage stego = RandomLsbEmbedder.embed(COVER, RandomLsbEmbedder.Kind.REPLACEMENT, 0.4, 11);
        int changed = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < COVER.pixelCount(); i++) {
                int a = COVER.planes()[c][i];
                int b = stego.planes()[c][i];
                assertThat(b == a || b == (a ^ 1)).isTrue();
                changed += a != b ? 1 : 0;
            }
        }
        // rate 0.4, half of the carried bits already match: 20% of samples change
        assertThat(changed / (3.0 * COVER.pixelCount())).isCloseTo(0.2, within(0.01));
        assertThat(stego.alphaPlane()).isEqualTo(COVER.alphaPlane());
    }

    @Test
    void matchingMovesSamplesByPlusOrMinusOneWithinRange() {
        DecodedImage stego = RandomLsbEmbedder.embed(COVER, RandomLsbEmbedder.Kind.MATCHING, 0.4, 11);
        int up = 0;
        int down = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < COVER.pixelCount(); i++) {
                int d = stego.planes()[c][i] - COVER.planes()[c][i];
                assertThat(d).isBetween(-1, 1);
                assertThat(stego.planes()[c][i]).isBetween(0, 255);
                up += d == 1 ? 1 : 0;
                down += d == -1 ? 1 : 0;
            }
        }
        assertThat(up).isPositive();
        assertThat(down).isPositive();
        // ±1 changes of a sample whose LSB differs both flip the LSB; not pairs like replacement's 2k<->2k+1 only
        assertThat(Math.abs(up - down) / (double) (up + down)).isLessThan(0.2);
    }

    @Test
    void fileRoundTripKeepsTheChangedSamplesAndIsSeeded() {
        byte[] cover = SyntheticImages.encode(COVER);
        byte[] a = RandomLsbEmbedder.embed(cover, RandomLsbEmbedder.Kind.REPLACEMENT, 0.1, 5);
        byte[] b = RandomLsbEmbedder.embed(cover, RandomLsbEmbedder.Kind.REPLACEMENT, 0.1, 5);
        assertThat(a).isEqualTo(b);
        DecodedImage expected = RandomLsbEmbedder.embed(ImageCodecs.decode(cover), RandomLsbEmbedder.Kind.REPLACEMENT, 0.1, 5);
        assertThat(ImageCodecs.decode(a).planes()).isEqualTo(expected.planes());
    }

    @Test
    void palettedImagesChangeIndicesWithinThePalette() {
        DecodedImage gif = SyntheticImages.indexed(ImageFormat.GIF, 64, 64, 200, 4);
        DecodedImage stego = RandomLsbEmbedder.embed(gif, RandomLsbEmbedder.Kind.REPLACEMENT, 0.4, 2);
        assertThat(stego.indices()).isNotEqualTo(gif.indices());
        for (int index : stego.indices()) {
            assertThat(index).isBetween(0, 199);
        }
    }

    @Test
    void lossyImagesAreRefused() {
        DecodedImage jpeg = SyntheticImages.rgb(ImageFormat.JPEG, 16, 16, false, 8, 1);
        assertThatThrownBy(() -> RandomLsbEmbedder.embed(jpeg, RandomLsbEmbedder.Kind.MATCHING, 0.1, 1))
                .isInstanceOf(StarlightException.class)
                .satisfies(e -> assertThat(((StarlightException) e).code()).isEqualTo(ErrorCode.METHOD_NOT_APPLICABLE));
    }
}
