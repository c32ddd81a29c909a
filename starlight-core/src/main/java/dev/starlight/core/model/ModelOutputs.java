package dev.starlight.core.model;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a session result into a {@link ModelPrediction}: sigmoid of {@code stego_logit} (or {@code stego_prob} as
 * is) per tile, the maximum over tiles, stego-weighted method softmax, gate values averaged over tiles.
 */
final class ModelOutputs {
    private ModelOutputs() {
    }

    static ModelPrediction read(OrtSession.Result result, int rows, ModelInfo info) throws OrtException {
        double[] tiles;
        Optional<float[][]> logit = matrix(result, ModelInfo.STEGO_LOGIT, rows);
        if (logit.isPresent()) {
            tiles = column(logit.get(), ModelInfo.STEGO_LOGIT, true);
        } else {
            tiles = column(matrix(result, ModelInfo.STEGO_PROB, rows).orElseThrow(), ModelInfo.STEGO_PROB, false);
        }
        double stego = 0;
        for (double p : tiles) {
            stego = Math.max(stego, p);
        }
        Map<String, Double> methods = matrix(result, ModelInfo.METHOD_LOGITS, rows)
                .map(m -> methodProbabilities(m, tiles, info.methodLabels())).orElse(Map.of());
        Map<String, Double> gates = matrix(result, ModelInfo.GATE, rows)
                .map(m -> gates(m, info.gateStreams())).orElse(Map.of());
        return new ModelPrediction(stego, methods, tiles, gates, info.name(), info.version());
    }

    /** An output as rows × columns ([N] counts as [N, 1]); empty when the model has no such output. */
    private static Optional<float[][]> matrix(OrtSession.Result result, String name, int rows)
            throws OrtException {
        Optional<OnnxValue> value = result.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof OnnxTensor tensor) || !(tensor.getInfo().type == OnnxJavaType.FLOAT)) {
            throw malformed(name + " is not a float tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        if (shape.length < 1 || shape.length > 2 || shape[0] != rows) {
            throw malformed(name + " has shape " + Arrays.toString(shape) + ", expected [" + rows
                    + ", k]");
        }
        int columns = shape.length == 2 ? (int) shape[1] : 1;
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[][] m = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            buffer.get(m[r]);
        }
        return Optional.of(m);
    }

    private static double[] column(float[][] m, String name, boolean logits) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != 1) {
                throw malformed(name + " has " + m[r].length + " columns, expected 1");
            }
            double v = m[r][0];
            out[r] = logits ? 1 / (1 + Math.exp(-v)) : Math.max(0, Math.min(1, v));
        }
        return out;
    }

    private static Map<String, Double> methodProbabilities(float[][] logits, double[] weights,
                                                           List<String> labels) {
        int k = labels.size();
        double totalWeight = 0;
        for (double w : weights) {
            totalWeight += w;
        }
        double[] sum = new double[k];
        for (int r = 0; r < logits.length; r++) {
            if (logits[r].length != k) {
                throw malformed(ModelInfo.METHOD_LOGITS + " has " + logits[r].length + " columns for " + k
                        + " method labels " + labels);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[r]) {
                max = Math.max(max, v);
            }
            double z = 0;
            double[] e = new double[k];
            for (int c = 0; c < k; c++) {
                e[c] = Math.exp(logits[r][c] - max);
                z += e[c];
            }
            double w = totalWeight > 0 ? weights[r] / totalWeight : 1.0 / logits.length;
            for (int c = 0; c < k; c++) {
                sum[c] += w * e[c] / z;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            out.put(labels.get(c), sum[c]);
        }
        return out;
    }

    private static Map<String, Double> gates(float[][] gate, List<String> streams) {
        int s = gate[0].length;
        if (s != streams.size()) {
            throw malformed(ModelInfo.GATE + " has " + s + " columns for gate streams " + streams);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < s; c++) {
            double total = 0;
            for (float[] row : gate) {
                total += row[c];
            }
            out.put(streams.get(c), total / gate.length);
        }
        return out;
    }

    private static StarlightException malformed(String what) {
        return new StarlightException(ErrorCode.MALFORMED, "model output " + what);
    }
}
