package dev.starlight.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.starlight.core.model.OnnxGraphWriter;

/** The encoder of a vector stream ({@code palette}, {@code meta}, {@code stats}): two linear layers with ReLU. */
final class DenseEncoder extends AbstractBlock {
    private static final int HIDDEN = 32;

    private final Linear hidden;
    private final Linear out;
    private final int width;

    DenseEncoder(int width) {
        this.width = width;
        hidden = addChildBlock("hidden", Layers.linear(HIDDEN));
        out = addChildBlock("out", Layers.linear(width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = Layers.relu(Layers.forward(hidden, ps, inputs.singletonOrThrow(), training));
        return new NDList(Layers.relu(Layers.forward(out, ps, x, training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, inputShapes[0]);
        out.initialize(manager, dataType, new Shape(inputShapes[0].get(0), HIDDEN));
    }

    String export(OnnxGraphWriter g, String input, String prefix) {
        String x = Layers.exportRelu(g, Layers.exportLinear(g, hidden, input, prefix + ".hidden", 0f),
                prefix + ".hidden.relu");
        return Layers.exportRelu(g, Layers.exportLinear(g, out, x, prefix + ".out", 0f), prefix + ".embedding");
    }
}
