package dev.starlight.core.model;

import java.util.Arrays;

/**
 * The contract of one named model input stream: its name, the shape of one batch row (the full tensor is
 * {@code [N, rowShape...]} with one row per tile) and the neutral value that stands for "no information",
 * which the explainer writes into every element of a stream to ablate it.
 *
 * @param name     the ONNX input name, one of {@link InputStreams#NAMES}
 * @param rowShape the shape of one batch row, e.g. {@code [3, 64, 64]}
 * @param neutral  the value of an ablated (information-free) stream
 */
public record StreamSpec(String name, int[] rowShape, float neutral) {

    public StreamSpec {
        rowShape = rowShape.clone();
    }

    @Override
    public int[] rowShape() {
        return rowShape.clone();
    }

    /** Number of floats in one batch row. */
    public int rowSize() {
        int size = 1;
        for (int d : rowShape) {
            size *= d;
        }
        return size;
    }

    /** The tensor shape for {@code rows} batch rows: {@code [rows, rowShape...]}. */
    public long[] shape(int rows) {
        long[] shape = new long[rowShape.length + 1];
        shape[0] = rows;
        for (int i = 0; i < rowShape.length; i++) {
            shape[i + 1] = rowShape[i];
        }
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamSpec s && name.equals(s.name) && Arrays.equals(rowShape, s.rowShape)
                && Float.compare(neutral, s.neutral) == 0;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(rowShape)) * 31 + Float.hashCode(neutral);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape(-1)).replace("-1", "N");
    }
}
