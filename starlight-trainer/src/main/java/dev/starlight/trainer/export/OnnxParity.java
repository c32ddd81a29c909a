package dev.starlight.trainer.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.ModelRuntime;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.network.MultiStreamNetwork;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs exported ONNX bytes in ONNX Runtime on the same tiles the DJL network saw and measures the largest absolute
 * difference over every output. The export is only trusted when this is within {@link #TOLERANCE}.
 */
public final class OnnxParity {
    public static final double TOLERANCE = 1e-4;
    /** The outputs in the order {@code NetworkTrainer.predict} returns them. */
    public static final List<String> OUTPUTS = List.of(ModelInfo.STEGO_LOGIT, ModelInfo.METHOD_LOGITS,
            MultiStreamNetwork.BIT_ORDER_LOGITS, MultiStreamNetwork.EMBEDDING_OUTPUT, ModelInfo.GATE);

    private OnnxParity() {
    }

    /**
     * @param djl        DJL inference outputs for {@code samples}, in {@link #OUTPUTS} order
     * @param stegoShift what the export subtracted from the stego logit
     * @return the largest absolute difference
     */
    public static double maxDifference(byte[] onnx, List<StreamSpec> streams, TileSample[] samples, float[][] djl,
                                       float stegoShift) {
        OrtEnvironment env = ModelRuntime.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            for (int s = 0; s < streams.size(); s++) {
                int size = streams.get(s).rowSize();
                float[] data = new float[samples.length * size];
                for (int i = 0; i < samples.length; i++) {
                    System.arraycopy(samples[i].streams()[s], 0, data, i * size, size);
                }
                inputs.put(streams.get(s).name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(data),
                        streams.get(s).shape(samples.length)));
            }
            double worst = 0;
            try (OrtSession.Result result = session.run(inputs)) {
                for (int o = 0; o < OUTPUTS.size(); o++) {
                    OnnxTensor tensor = (OnnxTensor) result.get(OUTPUTS.get(o)).orElseThrow();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float shift = o == 0 ? stegoShift : 0f;
                    if (buffer.remaining() != djl[o].length) {
                        return Double.POSITIVE_INFINITY;
                    }
                    for (int i = 0; i < djl[o].length; i++) {
                        worst = Math.max(worst, Math.abs(buffer.get(i) - (djl[o][i] - shift)));
                    }
                }
            }
            return worst;
        } catch (OrtException e) {
            throw new IllegalStateException("exported model does not run in ONNX Runtime: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
