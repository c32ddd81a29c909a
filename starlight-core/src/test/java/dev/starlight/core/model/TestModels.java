package dev.starlight.core.model;

import static dev.starlight.core.model.OnnxGraphWriter.integer;
import static dev.starlight.core.model.OnnxGraphWriter.ints;

import java.util.List;

/**
 * Small real ONNX models for tests of other modules (shipped in starlight-core's test jar): stego_logit =
 * weight * mean(lsb) + bias per tile, with the given name and version in the model's metadata.
 */
public final class TestModels {
    private TestModels() {
    }

    public static byte[] lsbMean(String name, String version, float weight, float bias) {
        return new OnnxGraphWriter("lsb-mean")
                .input("lsb", -1, 3, 64, 64)
                .constantLongs("column", -1, 1)
                .constant("weight", new long[] {1}, weight)
                .constant("bias", new long[] {1}, bias)
                .node("ReduceMean", List.of("lsb"), "mean4", ints("axes", 1, 2, 3), integer("keepdims", 1))
                .node("Reshape", List.of("mean4", "column"), "mean")
                .node("Mul", List.of("mean", "weight"), "scaled")
                .node("Add", List.of("scaled", "bias"), "stego_logit")
                .output("stego_logit", -1, 1)
                .metadata(ModelInfo.NAME, name)
                .metadata(ModelInfo.VERSION, version)
                .toBytes();
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
