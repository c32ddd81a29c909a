package dev.starlight.core.model;

import java.util.List;

/**
 * Small real ONNX models for tests of other modules (shipped in starlight-core's test jar).
 */
public final class TestModels {
    private TestModels() {
    }

    /** See {@link LsbMeanModel}. */
    public static byte[] lsbMean(String name, String version, float weight, float bias) {
        return LsbMeanModel.onnx(name, version, weight, bias);
    }

    /** A model whose only input is not a stream the core builds: loading it must fail. */
    public static byte[] wrongInputs(String name, String version) {
        return new OnnxGraphWriter("wrong")
                .input("not_a_stream", -1, 1)
                .node("Identity", List.of("not_a_stream"), "stego_logit")
                .output("stego_logit", -1, 1)
                .metadata(ModelInfo.NAME, name)
                .metadata(ModelInfo.VERSION, version)
                .toBytes();
    }
}
