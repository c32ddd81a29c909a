package dev.starlight.core.model;

import static dev.starlight.core.model.OnnxGraphWriter.integer;
import static dev.starlight.core.model.OnnxGraphWriter.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OnnxModelTest {
    private static final float W_LSB = 4f;
    private static final float W_PIXELS = -2f;
    private static final float BIAS = -1f;
    private static final float[] W_METHOD = {0f, 0f, 3f, 0f, 0f};
    private static final float[] B_METHOD = {0.5f, 0f, 0f, 0f, 0f};
    private static final float[] GATE = {0.25f, 0.75f};

    /**
     * stego_logit = W_LSB * mean(lsb) + W_PIXELS * mean(pixels) + BIAS per tile; method_logits = mean(lsb) * W_METHOD
     * + B_METHOD; gate = GATE on every row.
     */
    static byte[] lsbModel() {
        return new OnnxGraphWriter("lsb-mean")
                .input("pixels", -1, 3, 64, 64)
                .input("lsb", -1, 3, 64, 64)
                .constantLongs("column", -1, 1)
                .constant("w_lsb", new long[] {1}, W_LSB)
                .constant("w_pixels", new long[] {1}, W_PIXELS)
                .constant("bias", new long[] {1}, BIAS)
                .constant("w_method", new long[] {1, 5}, W_METHOD)
                .constant("b_method", new long[] {1, 5}, B_METHOD)
                .constant("zero", new long[] {1}, 0f)
                .constant("gate_values", new long[] {1, 2}, GATE)
                .node("ReduceMean", List.of("lsb"), "lsb_mean4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("lsb_mean4", "column"), "lsb_mean")
                .node("ReduceMean", List.of("pixels"), "pix_mean4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("pix_mean4", "column"), "pix_mean")
                .node("Mul", List.of("lsb_mean", "w_lsb"), "a")
                .node("Mul", List.of("pix_mean", "w_pixels"), "b")
                .node("Add", List.of("a", "b"), "ab")
                .node("Add", List.of("ab", "bias"), "stego_logit")
                .node("Mul", List.of("lsb_mean", "w_method"), "m")
                .node("Add", List.of("m", "b_method"), "method_logits")
                .node("Mul", List.of("lsb_mean", "zero"), "z")
                .node("Add", List.of("z", "gate_values"), "gate")
                .output("stego_logit", -1, 1)
                .output("method_logits", -1, 5)
                .output("gate", -1, 2)
                .metadata("name", "test-lsb")
                .metadata("version", "1.2.3")
                .metadata("provenance", "{\"trainer\":\"hand\"}")
                .toBytes();
    }

    /**
     * 128x64: left tile all samples 0 (LSB 0, pixels 0.0), right tile all 255 (LSB 1, pixels 1.0): values whose float
     * means are exact, so the model's float32 arithmetic matches the hand computation to rounding.
     */
    static DecodedImage twoTiles() {
        return TestImages.rgb(128, 64, (x, y) -> x < 64 ? 0 : 255);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void predictsTheProbabilityComputedByHand() {
        double left = sigmoid(W_LSB * 0 + W_PIXELS * 0 + BIAS);
        double right = sigmoid(W_LSB * 1 + W_PIXELS * 1 + BIAS);
        // method softmax per tile: left logits [0.5,0,0,0,0], right [0.5,0,3,0,0], weighted by tile probability
        double[] leftSoft = softmax(0.5, 0, 0, 0, 0);
        double[] rightSoft = softmax(0.5, 0, 3, 0, 0);
        double wl = left / (left + right);
        double wr = right / (left + right);

        try (OnnxModel model = OnnxModel.load(lsbModel())) {
            ModelPrediction p = model.predict(twoTiles());

            assertThat(p.tileProbabilities()).containsExactly(new double[] {left, right}, within(1e-6));
            assertThat(p.stegoProbability()).isCloseTo(right, within(1e-6));
            assertThat(p.methodProbabilities().keySet()).containsExactly("alpha", "palette", "lsb.rgb", "exif", "raw");
            assertThat(p.methodProbabilities().get("lsb.rgb")).isCloseTo(wl * leftSoft[2] + wr * rightSoft[2],
                    within(1e-6));
            assertThat(p.methodProbabilities().get("alpha")).isCloseTo(wl * leftSoft[0] + wr * rightSoft[0],
                    within(1e-6));
            assertThat(p.methodProbabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-9));
            assertThat(p.topMethod()).contains("lsb.rgb");
            assertThat(p.gates()).containsExactly(Map.entry("pixels", 0.25), Map.entry("lsb", 0.75));
            assertThat(p.modelName()).isEqualTo("test-lsb");
            assertThat(p.modelVersion()).isEqualTo("1.2.3");
        }
    }

    @Test
    void readsTheModelsMetadataAndInputs() {
        try (OnnxModel model = OnnxModel.load(lsbModel())) {
            ModelInfo info = model.info();
            assertThat(info.name()).isEqualTo("test-lsb");
            assertThat(info.version()).isEqualTo("1.2.3");
            assertThat(info.provenance()).isEqualTo("{\"trainer\":\"hand\"}");
            assertThat(info.inputs()).containsExactly("pixels", "lsb");
            assertThat(info.outputs()).contains("stego_logit", "method_logits", "gate");
            assertThat(info.tileSize()).isEqualTo(64);
            assertThat(model.inputOptions()).isEqualTo(new ModelInputOptions(64, 64));
        }
    }

    @Test
    void ablatingTheLsbStreamChangesTheAnswerAsTheWeightsSay() {
        try (OnnxModel model = OnnxModel.load(lsbModel())) {
            ModelInputs inputs = ModelInputs.from(twoTiles(), model.inputOptions(), model.info().inputs());
            ModelPrediction ablated = model.predict(inputs.withNeutral(InputStreams.LSB));
            assertThat(ablated.tileProbabilities()[1]).isCloseTo(sigmoid(W_PIXELS * 1 + BIAS), within(1e-6));
        }
    }

    @Test
    void refusesAModelWithAnInputThatIsNotAStream() {
        byte[] onnx = new OnnxGraphWriter("bogus")
                .input("pixels", -1, 3, 64, 64)
                .input("bogus", -1, 1)
                .constantLongs("column", -1, 1)
                .node("ReduceMean", List.of("pixels"), "m4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("m4", "column"), "m")
                .node("Add", List.of("m", "bogus"), "stego_logit")
                .output("stego_logit", -1, 1)
                .toBytes();
        assertThatThrownBy(() -> OnnxModel.load(onnx))
                .isInstanceOfSatisfying(StarlightException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
                .hasMessage("model input bogus is not a known stream");
    }

    /** stego_prob = mean(lsb) over 32x32 tiles. */
    private static OnnxGraphWriter smallTileModel() {
        return new OnnxGraphWriter("small-tiles")
                .input("lsb", -1, 3, 32, 32)
                .constantLongs("column", -1, 1)
                .node("ReduceMean", List.of("lsb"), "m4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("m4", "column"), "stego_prob")
                .output("stego_prob", -1, 1);
    }

    @Test
    void refusesAStreamWithTheWrongShape() {
        byte[] onnx = smallTileModel().metadata("tile_size", "64").toBytes();
        assertThatThrownBy(() -> OnnxModel.load(onnx))
                .isInstanceOfSatisfying(StarlightException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
                .hasMessage("model input lsb has shape [-1, 3, 32, 32], the stream is lsb[N, 3, 64, 64]");
    }

    @Test
    void takesTheTileSizeFromAStaticInputAndReadsStegoProb() {
        byte[] onnx = smallTileModel().toBytes();
        try (OnnxModel model = OnnxModel.load(onnx)) {
            assertThat(model.info().tileSize()).isEqualTo(32);
            // 64x32: two 32x32 tiles, LSB 0 on the left, 1 on the right; the probability is the mean LSB itself
            ModelPrediction p = model.predict(TestImages.rgb(64, 32, (x, y) -> x < 32 ? 100 : 101));
            assertThat(p.tileProbabilities()).containsExactly(0.0, 1.0);
            assertThat(p.stegoProbability()).isEqualTo(1.0);
            assertThat(p.methodProbabilities()).isEmpty();
            assertThat(p.gates()).isEmpty();
        }
    }

    @Test
    void refusesAModelWithoutAStegoOutput() {
        byte[] onnx = new OnnxGraphWriter("no-head")
                .input("lsb", -1, 3, 64, 64)
                .node("ReduceMean", List.of("lsb"), "score", ints("axes", 1, 2, 3), integer("keepdims", 0))
                .output("score", -1)
                .toBytes();
        assertThatThrownBy(() -> OnnxModel.load(onnx))
                .isInstanceOf(StarlightException.class)
                .hasMessage("model has no output named stego_logit or stego_prob (outputs: [score])");
    }

    @Test
    void refusesCorruptBytesWithAStarlightException() {
        byte[] valid = lsbModel();
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        byte[] flipped = valid.clone();
        for (int i = 0; i < flipped.length; i += 3) {
            flipped[i] ^= (byte) 0x5A;
        }
        for (byte[] bad : List.of(new byte[0], random, Arrays.copyOf(valid, valid.length / 2), flipped)) {
            assertThatThrownBy(() -> OnnxModel.load(bad))
                    .isInstanceOfSatisfying(StarlightException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        }
    }

    @Test
    void refusesToPredictOnceClosed() {
        OnnxModel model = OnnxModel.load(lsbModel());
        model.close();
        model.close();
        assertThatThrownBy(() -> model.predict(twoTiles())).isInstanceOf(IllegalStateException.class)
                .hasMessage("model test-lsb 1.2.3 is closed");
    }

    @Test
    void eightThreadsShareOneSessionAndAgree() throws Exception {
        DecodedImage image = TestImages.rgb(256, 256, (x, y) -> (x * 7 + y * 13 + (x * y) % 5) & 0xFF);
        try (OnnxModel model = OnnxModel.load(lsbModel())) {
            ModelPrediction expected = model.predict(image);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(pool.submit(() -> {
                        int same = 0;
                        for (int i = 0; i < 200; i++) {
                            ModelPrediction p = model.predict(image);
                            if (Arrays.equals(p.tileProbabilities(), expected.tileProbabilities())
                                    && p.methodProbabilities().equals(expected.methodProbabilities())
                                    && p.gates().equals(expected.gates())
                                    && p.stegoProbability() == expected.stegoProbability()) {
                                same++;
                            }
                        }
                        return same;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertThat(f.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(expected.tileProbabilities()).hasSize(16);
        }
    }

    private static double[] softmax(double... logits) {
        double z = Arrays.stream(logits).map(Math::exp).sum();
        return Arrays.stream(logits).map(v -> Math.exp(v) / z).toArray();
    }
}
