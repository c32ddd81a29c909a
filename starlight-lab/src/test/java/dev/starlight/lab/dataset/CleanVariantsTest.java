package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import dev.starlight.core.scan.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanVariantsTest {
    private static final byte[] PNG = SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 160, 160, false, 8, 21));

    @Test
    void trueColourCoversGetEveryKindAndEachDecodesAsDescribed() {
        Map<String, byte[]> variants = CleanVariants.of(PNG, 1);
        assertThat(variants).containsOnlyKeys("resaved", "downscaled", "noisy", "rgba-opaque", "rgba-soft-alpha",
                "grey-palette", "harmless-trailer", "ordinary-exif");
        int[] noisy = ImageCodecs.decode(variants.get("noisy")).planes()[0];
        int[] red = ImageCodecs.decode(PNG).planes()[0];
        int changed = 0;
        for (int i = 0; i < noisy.length; i++) {
            changed += noisy[i] != red[i] ? 1 : 0;
        }
        assertThat(changed).as("samples moved by σ=2 noise").isGreaterThan(noisy.length / 2);
        DecodedImage cover = ImageCodecs.decode(PNG);
        DecodedImage resaved = ImageCodecs.decode(variants.get("resaved"));
        assertThat(resaved.planes()).isDeepEqualTo(cover.planes());
        DecodedImage half = ImageCodecs.decode(variants.get("downscaled"));
        assertThat(half.width()).isEqualTo(80);
        assertThat(half.planes()[1][0]).isEqualTo((cover.planes()[1][0] + cover.planes()[1][1] + cover.planes()[1][160]
                + cover.planes()[1][161] + 2) / 4);
        DecodedImage soft = ImageCodecs.decode(variants.get("rgba-soft-alpha"));
        assertThat(soft.hasAlpha()).isTrue();
        assertThat(soft.alphaPlane()[80 * 160 + 80]).isBetween(254, 255);
        assertThat(soft.alphaPlane()[0]).isBetween(127, 129);
        assertThat(ImageCodecs.decode(variants.get("rgba-opaque")).alphaPlane()).containsOnly(255);
        DecodedImage grey = ImageCodecs.decode(variants.get("grey-palette"));
        assertThat(grey.format()).isEqualTo(ImageFormat.GIF);
        assertThat(grey.palette().isGreyscale()).isTrue();
        assertThat(ImageCodecs.decode(variants.get("harmless-trailer")).trailer()).containsExactly(0, 0);
        DecodedImage exif = ImageCodecs.decode(variants.get("ordinary-exif"));
        assertThat(exif.metadata()).filteredOn(m -> m.kind() == MetadataSegment.Kind.EXIF).singleElement()
                .satisfies(m -> assertThat(new String(m.data(), StandardCharsets.ISO_8859_1)).contains("Model S-1"));
    }

    @Test
    void palettedCoversGetOnlyTheKindsTheirContainerCanHold() {
        byte[] gif = SyntheticImages.encode(SyntheticImages.indexed(ImageFormat.GIF, 64, 64, 32, 3));
        Map<String, byte[]> variants = CleanVariants.of(gif, 1);
        assertThat(variants).containsOnlyKeys("resaved", "harmless-trailer");
        DecodedImage resaved = ImageCodecs.decode(variants.get("resaved"));
        assertThat(resaved.indices()).isEqualTo(ImageCodecs.decode(gif).indices());
    }

    @Test
    void noVariantOfAPhotoLikeCoverIsCalledStego() {
        Scanner scanner = new Scanner();
        CleanVariants.of(PNG, 7).forEach((kind, bytes) -> {
            ScanResult r = scanner.scan(bytes);
            assertThat(r.verdict()).as(kind + ": " + r.evidence()).isEqualTo(Verdict.CLEAN);
        });
    }

    @Test
    void variantsAreSeeded() {
        assertThat(CleanVariants.of(PNG, 5).get("rgba-soft-alpha")).isEqualTo(CleanVariants.of(PNG, 5).get("rgba-soft-alpha"));
    }
}
