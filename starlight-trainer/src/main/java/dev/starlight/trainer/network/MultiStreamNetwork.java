package dev.starlight.trainer.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.OnnxGraphWriter;
import dev.starlight.core.model.StreamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-stream detector. Each named input stream ({@link InputStreams}) has its own small encoder (convolutions
 * for image-shaped streams, linear layers for vectors) giving a {@value #STREAM_WIDTH}-wide embedding; a learned
 * gate (softmax over streams, computed from all stream embeddings) weights them; a shared layer feeds four heads:
 * <ul>
 *   <li>{@code stego_logit} [N,1]: the tile carries hidden data;</li>
 *   <li>{@code method_logits} [N,M]: which technique ({@link #methodLabels});</li>
 *   <li>{@code bit_order_logits} [N,2]: lsb-first / msb-first, for the methods that have a bit order;</li>
 *   <li>{@code embedding} [N,{@value #EMBEDDING}]: unit-length, shaped by the triplet loss;</li>
 * </ul>
 * plus {@code gate} [N,S], the stream weights, for the explainer. One row per tile; the detector combines tiles.
 */
public final class MultiStreamNetwork extends AbstractBlock {
    public static final int STREAM_WIDTH = 32;
    public static final int TRUNK = 64;
    public static final int EMBEDDING = 16;
    public static final String BIT_ORDER_LOGITS = "bit_order_logits";
    public static final String EMBEDDING_OUTPUT = "embedding";
    public static final List<String> BIT_ORDERS = List.of("lsb-first", "msb-first");

    private final List<StreamSpec> streams;
    private final List<String> methodLabels;
    private final List<Block> encoders = new ArrayList<>();
    private final Linear gate;
    private final Linear trunk;
    private final Linear stegoHead;
    private final Linear methodHead;
    private final Linear bitOrderHead;
    private final Linear embeddingHead;

    /**
     * @param streams      the input streams, in {@link InputStreams#NAMES} order
     * @param methodLabels the techniques the method head tells apart
     */
    public MultiStreamNetwork(List<StreamSpec> streams, List<String> methodLabels) {
        this.streams = List.copyOf(streams);
        this.methodLabels = List.copyOf(methodLabels);
        for (StreamSpec s : streams) {
            Block encoder = s.rowShape().length == 3 ? new ConvEncoder(STREAM_WIDTH) : new DenseEncoder(STREAM_WIDTH);
            encoders.add(addChildBlock("enc_" + s.name(), encoder));
        }
        gate = addChildBlock("gate", Layers.linear(streams.size()));
        trunk = addChildBlock("trunk", Layers.linear(TRUNK));
        stegoHead = addChildBlock("stego", Layers.linear(1));
        methodHead = addChildBlock("method", Layers.linear(methodLabels.size()));
        bitOrderHead = addChildBlock("bit_order", Layers.linear(BIT_ORDERS.size()));
        embeddingHead = addChildBlock("embedding", Layers.linear(EMBEDDING));
    }

    public List<StreamSpec> streams() {
        return streams;
    }

    public List<String> methodLabels() {
        return methodLabels;
    }

    /** The input shapes for a batch of {@code rows}, in stream order. */
    public Shape[] inputShapes(int rows) {
        return streams.stream().map(s -> new Shape(s.shape(rows))).toArray(Shape[]::new);
    }

    /** Outputs: stego logit, method logits, bit-order logits, embedding, gate. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList embeddings = new NDList();
        for (int i = 0; i < encoders.size(); i++) {
            embeddings.add(Layers.forward(encoders.get(i), ps, inputs.get(i), training));
        }
        NDArray all = NDArrays.concat(embeddings, 1);
        NDArray g = Layers.forward(gate, ps, all, training).softmax(1);
        NDList weighted = new NDList();
        for (int i = 0; i < embeddings.size(); i++) {
            weighted.add(embeddings.get(i).mul(g.get(":, " + i + ":" + (i + 1))));
        }
        NDArray h = Layers.relu(Layers.forward(trunk, ps, NDArrays.concat(weighted, 1), training));
        NDArray e = Layers.forward(embeddingHead, ps, h, training);
        NDArray norm = e.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f);
        return new NDList(Layers.forward(stegoHead, ps, h, training), Layers.forward(methodHead, ps, h, training),
                Layers.forward(bitOrderHead, ps, h, training), e.div(norm), g);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n, 1), new Shape(n, methodLabels.size()), new Shape(n, BIT_ORDERS.size()),
            new Shape(n, EMBEDDING), new Shape(n, streams.size())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        for (int i = 0; i < encoders.size(); i++) {
            encoders.get(i).initialize(manager, dataType, inputShapes[i]);
        }
        Shape all = new Shape(n, (long) STREAM_WIDTH * streams.size());
        gate.initialize(manager, dataType, all);
        trunk.initialize(manager, dataType, all);
        Shape h = new Shape(n, TRUNK);
        for (Linear head : List.of(stegoHead, methodHead, bitOrderHead, embeddingHead)) {
            head.initialize(manager, dataType, h);
        }
    }

    /**
     * Writes the inference graph: inputs named by stream, outputs {@code stego_logit}, {@code method_logits},
     * {@code bit_order_logits}, {@code embedding}, {@code gate}. {@code stegoShift} is subtracted from the stego
     * logit (folded into the head's bias), so that the exported model's operating point is logit 0.
     */
    public void export(OnnxGraphWriter g, float stegoShift) {
        List<String> embedded = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            StreamSpec s = streams.get(i);
            long[] dims = s.shape(-1);
            g.input(s.name(), dims);
            String prefix = "enc_" + s.name();
            embedded.add(encoders.get(i) instanceof ConvEncoder c ? c.export(g, s.name(), prefix)
                    : ((DenseEncoder) encoders.get(i)).export(g, s.name(), prefix));
        }
        int n = streams.size();
        g.node("Concat", embedded, "streams", OnnxGraphWriter.integer("axis", 1));
        Layers.exportLinear(g, gate, "streams", "gate.logits", 0f);
        g.node("Softmax", List.of("gate.logits"), ModelInfo.GATE, OnnxGraphWriter.integer("axis", 1));
        List<String> parts = new ArrayList<>();
        if (n == 1) {
            parts.add(ModelInfo.GATE);
        } else {
            for (int i = 0; i < n; i++) {
                parts.add("gate." + i);
            }
            g.node("Split", List.of(ModelInfo.GATE), parts, OnnxGraphWriter.integer("axis", 1));
        }
        List<String> weighted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = "weighted." + i;
            g.node("Mul", List.of(embedded.get(i), parts.get(i)), w);
            weighted.add(w);
        }
        g.node("Concat", weighted, "fused", OnnxGraphWriter.integer("axis", 1));
        Layers.exportRelu(g, Layers.exportLinear(g, trunk, "fused", "trunk", 0f), "trunk.relu");
        Layers.exportLinear(g, stegoHead, "trunk.relu", ModelInfo.STEGO_LOGIT, stegoShift);
        Layers.exportLinear(g, methodHead, "trunk.relu", ModelInfo.METHOD_LOGITS, 0f);
        Layers.exportLinear(g, bitOrderHead, "trunk.relu", BIT_ORDER_LOGITS, 0f);
        Layers.exportLinear(g, embeddingHead, "trunk.relu", "embedding.raw", 0f);
        g.node("LpNormalization", List.of("embedding.raw"), EMBEDDING_OUTPUT, OnnxGraphWriter.integer("axis", 1),
                OnnxGraphWriter.integer("p", 2));
        g.output(ModelInfo.STEGO_LOGIT, -1, 1);
        g.output(ModelInfo.METHOD_LOGITS, -1, methodLabels.size());
        g.output(BIT_ORDER_LOGITS, -1, BIT_ORDERS.size());
        g.output(EMBEDDING_OUTPUT, -1, EMBEDDING);
        g.output(ModelInfo.GATE, -1, n);
    }
}
