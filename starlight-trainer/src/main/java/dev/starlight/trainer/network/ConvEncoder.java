package dev.starlight.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.starlight.core.model.OnnxGraphWriter;
import java.util.List;

/**
 * The encoder of an image-shaped stream ({@code pixels}, {@code lsb}, {@code alpha}): three 3×3 convolutions
 * (stride 1, 2, 2; 8, 16, 32 filters) each with batch norm and ReLU, a global average over the tile, and a linear
 * layer with ReLU to the stream embedding. The first convolution keeps full resolution: LSB changes are
 * single-pixel noise that a strided first layer would average away.
 */
final class ConvEncoder extends AbstractBlock {
    private static final int[] FILTERS = {8, 16, 32};
    private static final int[] STRIDES = {1, 2, 2};

    private final Conv2d[] convs = new Conv2d[FILTERS.length];
    private final BatchNorm[] norms = new BatchNorm[FILTERS.length];
    private final Linear out;
    private final int width;

    ConvEncoder(int width) {
        this.width = width;
        for (int i = 0; i < FILTERS.length; i++) {
            convs[i] = addChildBlock("conv" + i, Layers.conv(FILTERS[i], STRIDES[i]));
            norms[i] = addChildBlock("bn" + i, Layers.batchNorm());
        }
        out = addChildBlock("out", Layers.linear(width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (int i = 0; i < convs.length; i++) {
            x = Layers.relu(Layers.forward(norms[i], ps, Layers.forward(convs[i], ps, x, training), training));
        }
        x = x.mean(new int[] {3}).mean(new int[] {2});
        return new NDList(Layers.relu(Layers.forward(out, ps, x, training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (int i = 0; i < convs.length; i++) {
            convs[i].initialize(manager, dataType, shape);
            shape = convs[i].getOutputShapes(new Shape[] {shape})[0];
            norms[i].initialize(manager, dataType, shape);
        }
        out.initialize(manager, dataType, new Shape(shape.get(0), shape.get(1)));
    }

    String export(OnnxGraphWriter g, String input, String prefix) {
        String x = input;
        for (int i = 0; i < convs.length; i++) {
            x = Layers.exportConv(g, convs[i], x, prefix + ".conv" + i);
            x = Layers.exportBatchNorm(g, norms[i], x, prefix + ".bn" + i);
            x = Layers.exportRelu(g, x, prefix + ".relu" + i);
        }
        g.node("ReduceMean", List.of(x), prefix + ".pool", OnnxGraphWriter.ints("axes", 2, 3),
                OnnxGraphWriter.integer("keepdims", 0));
        String y = Layers.exportLinear(g, out, prefix + ".pool", prefix + ".out", 0f);
        return Layers.exportRelu(g, y, prefix + ".embedding");
    }
}
