package dev.starlight.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import dev.starlight.core.model.OnnxGraphWriter;
import java.util.List;

/**
 * The three layer kinds the network is made of, each with its DJL forward and the ONNX nodes that compute the same
 * thing in inference mode, side by side so the two cannot drift apart. DJL layouts map 1:1 onto ONNX: Conv weights
 * OIHW, Linear weights [out, in] (Gemm with transB = 1), BatchNorm gamma/beta/running mean/running variance.
 */
final class Layers {
    static final float BN_EPSILON = 1e-5f;

    private Layers() {
    }

    static Conv2d conv(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(filters).optBias(false).build();
    }

    static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(BN_EPSILON).build();
    }

    static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    static NDArray forward(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    static NDArray relu(NDArray x) {
        return x.maximum(0f);
    }

    /** Conv (no bias) as ONNX; returns the output name. */
    static String exportConv(OnnxGraphWriter g, Conv2d conv, String input, String name) {
        String w = name + ".w";
        constant(g, w, conv.getParameters().get("weight").getArray());
        int stride = (int) conv.getStride().get(0);
        g.node("Conv", List.of(input, w), name, OnnxGraphWriter.ints("kernel_shape", 3, 3),
                OnnxGraphWriter.ints("strides", stride, stride), OnnxGraphWriter.ints("pads", 1, 1, 1, 1));
        return name;
    }

    /** BatchNorm in inference mode (running statistics) as ONNX. */
    static String exportBatchNorm(OnnxGraphWriter g, BatchNorm bn, String input, String name) {
        var p = bn.getParameters();
        constant(g, name + ".gamma", p.get("gamma").getArray());
        constant(g, name + ".beta", p.get("beta").getArray());
        constant(g, name + ".mean", p.get("runningMean").getArray());
        constant(g, name + ".var", p.get("runningVar").getArray());
        g.node("BatchNormalization", List.of(input, name + ".gamma", name + ".beta", name + ".mean", name + ".var"),
                name, OnnxGraphWriter.real("epsilon", BN_EPSILON));
        return name;
    }

    /** Linear as ONNX Gemm (y = x W^T + b), with {@code biasShift} subtracted from every bias. */
    static String exportLinear(OnnxGraphWriter g, Linear linear, String input, String name, float biasShift) {
        constant(g, name + ".w", linear.getParameters().get("weight").getArray());
        NDArray bias = linear.getParameters().get("bias").getArray();
        float[] b = bias.toFloatArray();
        for (int i = 0; i < b.length; i++) {
            b[i] -= biasShift;
        }
        g.constant(name + ".b", bias.getShape().getShape(), b);
        g.node("Gemm", List.of(input, name + ".w", name + ".b"), name, OnnxGraphWriter.integer("transB", 1));
        return name;
    }

    static String exportRelu(OnnxGraphWriter g, String input, String name) {
        g.node("Relu", List.of(input), name);
        return name;
    }

    static void constant(OnnxGraphWriter g, String name, NDArray array) {
        g.constant(name, array.getShape().getShape(), array.toFloatArray());
    }
}
