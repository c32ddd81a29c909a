package dev.starlight.trainer.export;

import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.OnnxGraphWriter;
import dev.starlight.trainer.network.MultiStreamNetwork;
import java.util.Map;

/**
 * Writes a trained {@link MultiStreamNetwork} as an ONNX model (IR {@value OnnxGraphWriter#IR_VERSION}, opset
 * {@value OnnxGraphWriter#OPSET}) with the metadata the detector reads ({@link ModelInfo}) and the run's provenance.
 */
public final class ModelExport {
    /** Metadata key: the logit the exported stego head was shifted by (the operating point before the shift). */
    public static final String THRESHOLD = "operating_threshold_logit";
    public static final String BIT_ORDER_LABELS = "bit_order_labels";

    private ModelExport() {
    }

    /**
     * @param threshold  the stego logit at the operating point; the exported head subtracts it, so the detector's
     *                   fixed 0.5 probability is this model's operating point
     * @param provenance JSON text: data checksum, config, seed, versions, metrics
     * @param extra      further metadata entries
     */
    public static byte[] onnx(MultiStreamNetwork network, String name, String version, int tileSize, float threshold,
                              String provenance, Map<String, String> extra) {
        OnnxGraphWriter g = new OnnxGraphWriter(name).producer("starlight-trainer");
        network.export(g, threshold);
        g.metadata(ModelInfo.NAME, name)
                .metadata(ModelInfo.VERSION, version)
                .metadata(ModelInfo.TILE_SIZE, Integer.toString(tileSize))
                .metadata(ModelInfo.METHOD_LABELS, String.join(",", network.methodLabels()))
                .metadata(ModelInfo.GATE_STREAMS, String.join(",",
                        network.streams().stream().map(s -> s.name()).toList()))
                .metadata(BIT_ORDER_LABELS, String.join(",", MultiStreamNetwork.BIT_ORDERS))
                .metadata(THRESHOLD, Float.toString(threshold))
                .metadata(ModelInfo.PROVENANCE, provenance);
        extra.forEach(g::metadata);
        return g.toBytes();
    }
}
