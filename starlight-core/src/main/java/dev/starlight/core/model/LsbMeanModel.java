package dev.starlight.core.model;

import static dev.starlight.core.model.OnnxGraphWriter.integer;
import static dev.starlight.core.model.OnnxGraphWriter.ints;

import java.util.List;

/**
 * The smallest real model the platform can serve: {@code stego_logit = weight * mean(lsb) + bias} per tile, over
 * the {@code lsb} stream. A hand-set baseline for tests, benchmarks and swap drills, not a trained detector.
 */
public final class LsbMeanModel {
    private LsbMeanModel() {
    }

    /** The ONNX bytes, with {@code name} and {@code version} in the model's metadata. */
    public static byte[] onnx(String name, String version, float weight, float bias) {
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
}
