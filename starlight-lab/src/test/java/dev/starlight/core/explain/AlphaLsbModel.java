package dev.starlight.core.explain;

import static dev.starlight.core.model.OnnxGraphWriter.integer;
import static dev.starlight.core.model.OnnxGraphWriter.ints;

import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.OnnxGraphWriter;
import dev.starlight.codecs.image.ColorType;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real ONNX model, written by hand, whose score a person can work out: per tile
 * {@code stego_logit = 40 * mean(alpha - alpha&1) + 0.5 * mean(lsb) + 0.5 * mean(pixels) - 2}, over 32-pixel tiles,
 * with the three means as its {@code gate} output. {@code alpha - alpha&1} is 0 on opaque alpha (255: 1 - 1) and
 * on the neutral stream, and near 1 where a message cleared an opaque pixel's alpha LSB (254: 0.996 - 0). So the
 * alpha stream drives the score only where an alpha message sits; the other streams always add a little.
 */
public final class AlphaLsbModel {
    public static final int TILE = 32;
    /** An alpha-method message long enough to fill several tiles. */
    public static final byte[] MESSAGE = ("Meet at the old mill after dark; bring the second key and the map. ")
            .repeat(3).trim().getBytes(StandardCharsets.UTF_8);


    private AlphaLsbModel() {
    }

    /** The cover with an opaque alpha channel (255 everywhere), as a PNG. */
    public static byte[] opaque(byte[] png) {
        DecodedImage rgb = ImageCodecs.decode(png);
        int[] alpha = new int[rgb.pixelCount()];
        java.util.Arrays.fill(alpha, 255);
        int[][] p = rgb.planes();
        return ImageCodecs.writer(ImageFormat.PNG).encode(new DecodedImage(ImageFormat.PNG, rgb.width(), rgb.height(),
                8, ColorType.RGBA, new int[][] {p[0], p[1], p[2], alpha}, null, null, false, List.of(), rgb.frames(),
                0, new byte[0]));
    }

    public static byte[] onnx() {
        OnnxGraphWriter g = new OnnxGraphWriter("alpha-lsb")
                .input("pixels", -1, 3, TILE, TILE)
                .input("lsb", -1, 3, TILE, TILE)
                .input("alpha", -1, 2, TILE, TILE)
                .constantLongs("column", -1, 1)
                .constant("w_alpha", new long[] {1}, 40f)
                .constant("w_half", new long[] {1}, 0.5f)
                .constant("bias", new long[] {1}, -2f)
                .node("Split", List.of("alpha"), List.of("alpha_scaled", "alpha_lsb"), integer("axis", 1))
                .node("Sub", List.of("alpha_scaled", "alpha_lsb"), "alpha_gap");
        mean(g, "alpha_gap", "m_alpha");
        mean(g, "lsb", "m_lsb");
        mean(g, "pixels", "m_pixels");
        return g.node("Mul", List.of("m_alpha", "w_alpha"), "s_alpha")
                .node("Mul", List.of("m_lsb", "w_half"), "s_lsb")
                .node("Mul", List.of("m_pixels", "w_half"), "s_pixels")
                .node("Add", List.of("s_alpha", "s_lsb"), "sum1")
                .node("Add", List.of("sum1", "s_pixels"), "sum2")
                .node("Add", List.of("sum2", "bias"), "stego_logit")
                .node("Concat", List.of("m_pixels", "m_lsb", "m_alpha"), "gate", integer("axis", 1))
                .output("stego_logit", -1, 1)
                .output("gate", -1, 3)
                .metadata(ModelInfo.NAME, "alpha-lsb")
                .metadata(ModelInfo.VERSION, "test-1")
                .metadata(ModelInfo.TILE_SIZE, String.valueOf(TILE))
                .metadata(ModelInfo.GATE_STREAMS, "pixels,lsb,alpha")
                .toBytes();
    }

    private static void mean(OnnxGraphWriter g, String input, String output) {
        g.node("ReduceMean", List.of(input), output + "4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of(output + "4", "column"), output);
    }
}
