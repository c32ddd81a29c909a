package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import org.junit.jupiter.api.Test;

class BenignChangesTest {
    private static final DecodedImage GIF = ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.GIF, 96, 5));
    private static final DecodedImage PNG = ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.PNG, 96, 5));

    @Test
    void aPairPermutationKeepsEveryPixelsColourAndEveryIndexPairTogether() {
        DecodedImage permuted = BenignChanges.pairPermutation(GIF, 42);
        assertThat(permuted.palette()).isNotEqualTo(GIF.palette());
        assertThat(permuted.indices()).isNotEqualTo(GIF.indices());
        for (int p = 0; p < 3; p++) {
            assertThat(permuted.planes()[p]).isEqualTo(GIF.planes()[p]);
        }
        // indices that were one pair (differ only in the LSB) are one pair after the permutation
        int[] before = GIF.indices();
        int[] after = permuted.indices();
        for (int i = 1; i < before.length; i++) {
            boolean samePair = before[i] >> 1 == before[i - 1] >> 1;
            assertThat(after[i] >> 1 == after[i - 1] >> 1).isEqualTo(samePair);
        }
        assertThat(BenignChanges.pairPermutation(GIF, 42).indices()).isEqualTo(after);
    }

    @Test
    void benignAddsMetadataAndAnOpaqueAlphaPlaneAndChangesNoSample() {
        DecodedImage changed = BenignChanges.benign(PNG);
        assertThat(changed.colorType()).isEqualTo(ColorType.RGBA);
        assertThat(changed.alphaPlane()).containsOnly(255);
        assertThat(changed.metadata()).extracting(MetadataSegment::kind).contains(MetadataSegment.Kind.EXIF,
                MetadataSegment.Kind.XMP, MetadataSegment.Kind.ICC, MetadataSegment.Kind.TEXT);
        for (int p = 0; p < 3; p++) {
            assertThat(changed.planes()[p]).isSameAs(PNG.planes()[p]);
        }
    }

    @Test
    void aCropIsTheWindowOfTheImageClampedToItsEdges() {
        DecodedImage crop = BenignChanges.crop(PNG, 90, 10, 20, 16);
        assertThat(crop.width()).isEqualTo(6);
        assertThat(crop.height()).isEqualTo(16);
        assertThat(crop.planes()[1][2 * 6 + 3]).isEqualTo(PNG.planes()[1][12 * 96 + 93]);
        DecodedImage gifCrop = BenignChanges.crop(GIF, 5, 7, 16, 16);
        assertThat(gifCrop.indices()[0]).isEqualTo(GIF.indices()[7 * 96 + 5]);
    }
}
