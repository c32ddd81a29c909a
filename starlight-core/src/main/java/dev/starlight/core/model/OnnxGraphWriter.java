package dev.starlight.core.model;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * A small writer of ONNX graphs (IR 8, opset 17, within what ONNX Runtime 1.29 loads), over the protobuf classes
 * that tribuo-util-onnx ships. Dimension -1 in an input or output becomes the symbolic batch dimension {@code N}.
 * Tests, benchmarks and the trainer's export write their graphs with it.
 */
public final class OnnxGraphWriter {
    public static final long IR_VERSION = 8;
    public static final long OPSET = 17;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder();
    private int nodes;
    private String producer = "starlight";

    public OnnxGraphWriter(String graphName) {
        graph.setName(graphName);
    }

    public OnnxGraphWriter input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
        return this;
    }

    public OnnxGraphWriter output(String name, long... dims) {
        graph.addOutput(valueInfo(name, dims));
        return this;
    }

    /** A float constant of the given shape. */
    public OnnxGraphWriter constant(String name, long[] dims, float... values) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return this;
    }

    /** An int64 constant (shapes for Reshape). */
    public OnnxGraphWriter constantLongs(String name, long... values) {
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(values.length)
                .addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()));
        return this;
    }

    public OnnxGraphWriter node(String op, List<String> inputs, String output, OnnxMl.AttributeProto... attributes) {
        return node(op, inputs, List.of(output), attributes);
    }

    /** A node with several outputs (e.g. Split). */
    public OnnxGraphWriter node(String op, List<String> inputs, List<String> outputs,
                                OnnxMl.AttributeProto... attributes) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(op + "_" + nodes++)
                .addAllInput(inputs).addAllOutput(outputs);
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return this;
    }

    public OnnxGraphWriter metadata(String key, String value) {
        model.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        return this;
    }

    public static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static OnnxMl.AttributeProto real(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value).build();
    }

    /** Who wrote the model (the ONNX producer name); "starlight" unless set. */
    public OnnxGraphWriter producer(String name) {
        this.producer = name;
        return this;
    }

    public static OnnxMl.AttributeProto integer(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    public byte[] toBytes() {
        return model.setIrVersion(IR_VERSION).setProducerName(producer).setModelVersion(1)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build().toByteArray();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }
}
