package dev.starlight.core.model;

import dev.starlight.core.protocol.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a loaded model says about itself, from its ONNX custom metadata (keys below) and its graph.
 *
 * @param name          {@value #NAME} (else the graph name)
 * @param version       {@value #VERSION} (else the ONNX model version)
 * @param provenance    {@value #PROVENANCE}: JSON text describing data, trainer and versions ("{}" when absent)
 * @param tileSize      {@value #TILE_SIZE}, else the last dimension of a static tile input, else 64
 * @param methodLabels  {@value #METHOD_LABELS} (comma-separated), naming the columns of {@code method_logits};
 *                      default: the protocol methods by class id ({@code alpha,palette,lsb.rgb,exif,raw})
 * @param gateStreams   {@value #GATE_STREAMS} (comma-separated), naming the columns of {@code gate}; default: the
 *                      model's inputs in {@link InputStreams#NAMES} order
 * @param inputs        the model's inputs (stream names) in {@link InputStreams#NAMES} order
 * @param outputs       the model's output names
 * @param metadata      all custom metadata
 */
public record ModelInfo(String name, String version, String provenance, int tileSize, List<String> methodLabels,
                        List<String> gateStreams, List<String> inputs, List<String> outputs,
                        Map<String, String> metadata) {
    public static final String NAME = "name";
    public static final String VERSION = "version";
    public static final String PROVENANCE = "provenance";
    public static final String TILE_SIZE = "tile_size";
    public static final String METHOD_LABELS = "method_labels";
    public static final String GATE_STREAMS = "gate_streams";

    /** Output with one logit per tile, {@code [N, 1]}; the tile's stego probability is its sigmoid. */
    public static final String STEGO_LOGIT = "stego_logit";
    /** Alternative to {@link #STEGO_LOGIT}: the probability itself, {@code [N, 1]}. */
    public static final String STEGO_PROB = "stego_prob";
    /** Optional {@code [N, M]}: method logits per tile (softmax taken by the runner). */
    public static final String METHOD_LOGITS = "method_logits";
    /** Optional {@code [N, S]}: per-stream gate values per tile. */
    public static final String GATE = "gate";

    public ModelInfo {
        methodLabels = List.copyOf(methodLabels);
        gateStreams = List.copyOf(gateStreams);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        metadata = Map.copyOf(metadata);
    }

    static List<String> defaultMethodLabels() {
        return Arrays.stream(Method.values()).map(Method::label).toList();
    }

    static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
