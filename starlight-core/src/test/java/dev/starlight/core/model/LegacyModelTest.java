package dev.starlight.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.MetadataSegment;
import dev.starlight.codecs.image.Palette;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A model file trained before the shortcut-free streams (the envelope that shipped until 2026-12, declaring the
 * legacy streams pixels, lsb, alpha, palette, meta and stats) is still served: it loads, asks for exactly those
 * streams, and gets them built as it was trained on them, for every kind of image.
 */
class LegacyModelTest {
    private static final String RESOURCE = "/dev/starlight/core/model/legacy-multistream-20261124.slme";

    private static OnnxModel legacy() throws IOException {
        try (InputStream in = LegacyModelTest.class.getResourceAsStream(RESOURCE)) {
            return OnnxModel.load(ModelEnvelope.fromBytes(in.readAllBytes()).onnx());
        }
    }

    @Test
    void theLegacyEnvelopeLoadsAndDeclaresTheSixLegacyStreams() throws IOException {
        try (OnnxModel model = legacy()) {
            assertThat(model.info().inputs()).containsExactlyElementsOf(InputStreams.LEGACY);
            assertThat(model.info().tileSize()).isEqualTo(64);
        }
    }

    @Test
    void theLegacyModelPredictsOnEveryKindOfImageFromTheStreamsItDeclares() throws IOException {
        int n = 100 * 80;
        int[] r = IntStream.range(0, n).map(i -> (i * 31 + i / 100) & 0xFF).toArray();
        int[] g = IntStream.range(0, n).map(i -> (i * 17 + 5) & 0xFF).toArray();
        int[] b = IntStream.range(0, n).map(i -> (i * 11 + i / 7) & 0xFF).toArray();
        int[] soft = IntStream.range(0, n).map(i -> 128 + (i % 100)).toArray();
        int[] colours = IntStream.range(0, 16).map(i -> i * 0x0F0F0F).toArray();
        int[] indices = IntStream.range(0, n).map(i -> (i * 7 + i / 100) % 16).toArray();
        DecodedImage rgb = TestImages.planes(100, 80, 8, ColorType.RGB, new int[][] {r, g, b});
        List<DecodedImage> images = List.of(rgb,
                TestImages.planes(100, 80, 8, ColorType.RGBA, new int[][] {r, g, b, soft}),
                TestImages.planes(100, 80, 16, ColorType.RGB, new int[][] {r, g, b}),
                TestImages.indexed(100, 80, new Palette(colours, null), indices),
                TestImages.withExtras(rgb, List.of(new MetadataSegment(MetadataSegment.Kind.COMMENT, "tEXt:Comment",
                        0, "Comment\0hello".getBytes(StandardCharsets.UTF_8))), new byte[] {1, 2, 3}),
                TestImages.rgb(20, 20, (x, y) -> x * 12 + y));
        try (OnnxModel model = legacy()) {
            for (DecodedImage image : images) {
                ModelPrediction p = model.predict(image);
                ModelPrediction again = model.predict(ModelInputs.from(image, model.inputOptions(),
                        InputStreams.LEGACY));
                assertThat(p.stegoProbability()).as(image.toString()).isBetween(0.0, 1.0);
                assertThat(p.tileProbabilities()).hasSize(ModelInputs.from(image, model.inputOptions(),
                        List.of()).rows());
                assertThat(again.stegoProbability()).isEqualTo(p.stegoProbability());
                assertThat(p.gates()).containsOnlyKeys(InputStreams.LEGACY);
            }
        }
    }
}
