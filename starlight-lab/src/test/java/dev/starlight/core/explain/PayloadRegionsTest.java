package dev.starlight.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.BitOrder;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pixel runs of sequential messages cover exactly the pixels whose carrier bits hold the framed message. */
class PayloadRegionsTest {
    static final byte[] MESSAGE = "The quick brown fox jumps over the lazy dog, twice over and once more."
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void lsbRgbUsesThreeBitsPerPixelFromPixelZero() {
        check(ImageFormat.PNG, Method.LSB_RGB, EmbedOptions.DEFAULT, 8L * (MESSAGE.length + 1), 3);
        check(ImageFormat.PNG, Method.LSB_RGB, new EmbedOptions(BitOrder.MSB_FIRST, true),
                8L * (4 + MESSAGE.length + 1), 3);
    }

    @Test
    void alphaUsesOneBitPerPixelWithTheMarker() {
        check(ImageFormat.PNG, Method.ALPHA, EmbedOptions.DEFAULT, 8L * (4 + MESSAGE.length + 1), 1);
    }

    @Test
    void paletteUsesOneIndexBitPerPixel() {
        check(ImageFormat.GIF, Method.PALETTE, EmbedOptions.DEFAULT, 8L * (MESSAGE.length + 1), 1);
    }

    private static void check(ImageFormat format, Method method, EmbedOptions options, long bits, int bitsPerPixel) {
        byte[] cover = SyntheticCovers.encoded(format, 64, 3);
        if (method == Method.ALPHA) {
            cover = AlphaLsbModel.opaque(cover);
        }
        byte[] stego = Protocol.embed(cover, method, MESSAGE, options);
        DecodedImage image = ImageCodecs.decode(stego);
        List<PayloadRegion> regions = Explainer.regions(image, Protocol.extractAll(stego, image));

        long pixels = (bits + bitsPerPixel - 1) / bitsPerPixel;
        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PayloadRegion.PIXELS);
            assertThat(r.method()).isEqualTo(method.label());
            assertThat(r.bits()).isEqualTo(bits);
            assertThat(r.pixels()).isEqualTo(pixels);
        });
        // every pixel whose carrier changed lies in the region (the rest of the run kept its bit by chance)
        DecodedImage before = ImageCodecs.decode(cover);
        DecodedImage after = image;
        int lastChanged = -1;
        for (int i = 0; i < image.pixelCount(); i++) {
            if (differs(before, after, method, i)) {
                lastChanged = i;
            }
        }
        assertThat(lastChanged).isBetween((int) pixels - 24, (int) pixels - 1);
    }

    private static boolean differs(DecodedImage a, DecodedImage b, Method method, int pixel) {
        return switch (method) {
            case ALPHA -> a.alphaPlane()[pixel] != b.alphaPlane()[pixel];
            case PALETTE -> a.indices()[pixel] != b.indices()[pixel];
            default -> a.planes()[0][pixel] != b.planes()[0][pixel] || a.planes()[1][pixel] != b.planes()[1][pixel]
                    || a.planes()[2][pixel] != b.planes()[2][pixel];
        };
    }
}
