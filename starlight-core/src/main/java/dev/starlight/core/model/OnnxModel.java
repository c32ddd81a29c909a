package dev.starlight.core.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.StarlightException;
import dev.starlight.codecs.image.DecodedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One ONNX model loaded into one ONNX Runtime session on the shared {@link ModelRuntime} environment.
 *
 * <p>Loading checks that every declared input is a known stream ({@link InputStreams}) of type float whose static
 * dimensions match the stream's shape, and that the model has a {@code stego_logit} or {@code stego_prob} output;
 * anything else is refused with {@link ErrorCode#MALFORMED}, and so are bytes ONNX Runtime cannot load.
 *
 * <p>Thread-safe: {@link #predict} may run on many threads at once over the one session. {@link #close()} waits
 * for predictions in flight, after which {@code predict} throws {@link IllegalStateException}; so a hot swap can
 * close the old model as soon as the new one is published. Every tensor and result is closed after use.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Set<String> KNOWN_OUTPUTS = Set.of(ModelInfo.STEGO_LOGIT, ModelInfo.STEGO_PROB,
            ModelInfo.METHOD_LOGITS, ModelInfo.GATE);

    private final OrtSession session;
    private final ModelInfo info;
    private final ModelInputOptions inputOptions;
    private final Set<String> requestedOutputs;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxModel(OrtSession session, ModelInfo info, ModelInputOptions inputOptions) {
        this.session = session;
        this.info = info;
        this.inputOptions = inputOptions;
        Set<String> outputs = new LinkedHashSet<>(info.outputs());
        outputs.retainAll(KNOWN_OUTPUTS);
        this.requestedOutputs = Set.copyOf(outputs);
    }

    public static OnnxModel load(byte[] onnx) {
        return load(onnx, OnnxModelOptions.DEFAULTS);
    }

    /** Loads ONNX bytes into a new session; refuses models that do not follow the stream contract. */
    public static OnnxModel load(byte[] onnx, OnnxModelOptions options) {
        if (onnx == null || onnx.length == 0) {
            throw new StarlightException(ErrorCode.MALFORMED, "model bytes are empty");
        }
        OrtSession session = createSession(onnx, options);
        try {
            ModelInfo info = describe(session);
            return new OnnxModel(session, info, new ModelInputOptions(info.tileSize(), options.maxTiles()));
        } catch (RuntimeException | OrtException e) {
            closeQuietly(session);
            if (e instanceof StarlightException s) {
                throw s;
            }
            throw new StarlightException(ErrorCode.MALFORMED, "model cannot be inspected: " + e.getMessage(), e);
        }
    }

    public ModelInfo info() {
        return info;
    }

    /** The tiling this model's inputs are built with. */
    public ModelInputOptions inputOptions() {
        return inputOptions;
    }

    /** Builds the streams this model declares from the image, and runs the model on them. */
    public ModelPrediction predict(DecodedImage image) {
        return predict(ModelInputs.from(image, inputOptions, info.inputs()));
    }

    /** Runs the model on streams built beforehand (e.g. with one stream ablated by the explainer). */
    public ModelPrediction predict(ModelInputs inputs) {
        if (inputs.tileSize() != info.tileSize()) {
            throw new IllegalArgumentException("inputs have tile size " + inputs.tileSize() + ", the model wants "
                    + info.tileSize());
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("model " + info.name() + " " + info.version() + " is closed");
            }
            return run(inputs);
        } catch (OrtException e) {
            throw new StarlightException(ErrorCode.INTERNAL, "model " + info.name() + " failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits for predictions in flight, then releases the session. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(session);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ModelPrediction run(ModelInputs inputs) throws OrtException {
        OrtEnvironment env = ModelRuntime.environment();
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (String name : info.inputs()) {
                tensors.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs.data(name)), inputs.shape(name)));
            }
            try (OrtSession.Result result = session.run(tensors, requestedOutputs)) {
                return ModelOutputs.read(result, inputs.rows(), info);
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static OrtSession createSession(byte[] onnx, OnnxModelOptions options) {
        try (OrtSession.SessionOptions settings = new OrtSession.SessionOptions()) {
            settings.setIntraOpNumThreads(options.intraOpThreads());
            settings.setInterOpNumThreads(1);
            settings.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            settings.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            settings.addConfigEntry("session.intra_op.allow_spinning", "0");
            settings.addConfigEntry("session.inter_op.allow_spinning", "0");
            return ModelRuntime.environment().createSession(onnx, settings);
        } catch (OrtException e) {
            throw new StarlightException(ErrorCode.MALFORMED, "model bytes are not a loadable ONNX model: "
                    + e.getMessage(), e);
        }
    }

    private static ModelInfo describe(OrtSession session) throws OrtException {
        OnnxModelMetadata metadata = session.getMetadata();
        Map<String, String> custom = new LinkedHashMap<>(metadata.getCustomMetadata());
        Map<String, NodeInfo> inputInfo = session.getInputInfo();
        for (String input : inputInfo.keySet()) {
            if (!InputStreams.isKnown(input)) {
                throw new StarlightException(ErrorCode.MALFORMED, "model input " + input + " is not a known stream");
            }
        }
        int tileSize = tileSize(custom, inputInfo);
        List<String> inputs = new ArrayList<>();
        for (String name : InputStreams.NAMES) {
            if (inputInfo.containsKey(name)) {
                checkInput(name, inputInfo.get(name), tileSize);
                inputs.add(name);
            }
        }
        if (inputs.isEmpty()) {
            throw new StarlightException(ErrorCode.MALFORMED, "model declares no inputs");
        }
        List<String> outputs = List.copyOf(session.getOutputNames());
        if (!outputs.contains(ModelInfo.STEGO_LOGIT) && !outputs.contains(ModelInfo.STEGO_PROB)) {
            throw new StarlightException(ErrorCode.MALFORMED, "model has no output named " + ModelInfo.STEGO_LOGIT
                    + " or " + ModelInfo.STEGO_PROB + " (outputs: " + outputs + ")");
        }
        String name = Optional.ofNullable(custom.get(ModelInfo.NAME)).orElse(metadata.getGraphName());
        String version = Optional.ofNullable(custom.get(ModelInfo.VERSION))
                .orElse(Long.toString(metadata.getVersion()));
        String provenance = custom.getOrDefault(ModelInfo.PROVENANCE, "{}");
        List<String> methodLabels = Optional.ofNullable(custom.get(ModelInfo.METHOD_LABELS))
                .map(ModelInfo::splitList).orElseGet(ModelInfo::defaultMethodLabels);
        List<String> gateStreams = Optional.ofNullable(custom.get(ModelInfo.GATE_STREAMS))
                .map(ModelInfo::splitList).orElse(inputs);
        return new ModelInfo(name, version, provenance, tileSize, methodLabels, gateStreams, inputs, outputs, custom);
    }

    /** Tile size from metadata, else the last static dimension of a tile input, else the default. */
    private static int tileSize(Map<String, String> custom, Map<String, NodeInfo> inputs) {
        String declared = custom.get(ModelInfo.TILE_SIZE);
        if (declared != null) {
            try {
                return new ModelInputOptions(Integer.parseInt(declared.trim()), 1).tileSize();
            } catch (IllegalArgumentException e) {
                throw new StarlightException(ErrorCode.MALFORMED, "model metadata " + ModelInfo.TILE_SIZE + " = "
                        + declared + " is not a tile size 1..1024");
            }
        }
        for (String name : List.of(InputStreams.PIXELS, InputStreams.LSB, InputStreams.ALPHA)) {
            NodeInfo node = inputs.get(name);
            if (node != null && node.getInfo() instanceof TensorInfo tensor) {
                long[] shape = tensor.getShape();
                long last = shape.length == 0 ? -1 : shape[shape.length - 1];
                if (last > 0 && last <= 1024) {
                    return (int) last;
                }
            }
        }
        return ModelInputOptions.DEFAULT_TILE_SIZE;
    }

    /** A float tensor whose rank and static dimensions (past the batch) match the stream's row shape. */
    private static void checkInput(String name, NodeInfo node, int tileSize) {
        StreamSpec spec = InputStreams.spec(name, tileSize).orElseThrow();
        if (!(node.getInfo() instanceof TensorInfo tensor)
                || tensor.type != OnnxJavaType.FLOAT) {
            throw new StarlightException(ErrorCode.MALFORMED, "model input " + name + " is not a float tensor: "
                    + node.getInfo());
        }
        long[] shape = tensor.getShape();
        long[] expected = spec.shape(-1);
        boolean matches = shape.length == expected.length;
        for (int i = 1; matches && i < shape.length; i++) {
            matches = shape[i] < 0 || shape[i] == expected[i];
        }
        if (!matches) {
            throw new StarlightException(ErrorCode.MALFORMED, "model input " + name + " has shape "
                    + Arrays.toString(shape) + ", the stream is " + spec);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException ignored) {
            // nothing more can be done for a session that fails to close
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + info.name() + " " + info.version() + ", inputs " + info.inputs() + ", tile "
                + info.tileSize() + "]";
    }
}
