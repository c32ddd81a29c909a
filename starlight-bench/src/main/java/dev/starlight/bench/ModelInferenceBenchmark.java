package dev.starlight.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.ModelInputs;
import dev.starlight.core.model.ModelPrediction;
import dev.starlight.core.model.ModelRuntime;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The served model in ONNX Runtime, single caller thread, on 256² RGB PNG images (16 tiles of 64² each):
 * <ul>
 *   <li>{@code session}: one session run on the streams of {@code batch} images stacked (batch × 16 tiles),
 *       streams built beforehand: the model alone; images/s = batch / time;</li>
 *   <li>{@code predict}: {@code OnnxModel.predict} on one decoded image, stream building included (what a scan
 *       adds to the statistics).</li>
 * </ul>
 * {@code -p model=PATH} times another ONNX file; the default is the model shipped in starlight-core.
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar ModelInference -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ModelInferenceBenchmark {

    @Param({"1", "16"})
    public int batch;

    /** {@code shipped}, or the path of an ONNX file. */
    @Param({"shipped"})
    public String model;

    @Param({"1"})
    public int intraOpThreads;

    private OnnxModel onnx;
    private OrtSession session;
    private DecodedImage image;
    private Map<String, OnnxTensor> inputs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] bytes = model.equals("shipped") ? ShippedModel.envelope().orElseThrow().onnx()
                : Files.readAllBytes(Path.of(model));
        onnx = OnnxModel.load(bytes);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        OrtEnvironment env = ModelRuntime.environment();
        session = env.createSession(bytes, options);
        image = ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.PNG, 256, 42));
        ModelInputs one = ModelInputs.from(image, onnx.inputOptions(), onnx.info().inputs());
        inputs = new HashMap<>();
        for (String name : one.names()) {
            float[] row = one.data(name);
            float[] stacked = new float[row.length * batch];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(row, 0, stacked, b * row.length, row.length);
            }
            inputs.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(stacked),
                    one.spec(name).shape(one.rows() * batch)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        inputs.values().forEach(OnnxTensor::close);
        session.close();
        onnx.close();
    }

    @Benchmark
    public float session() throws OrtException {
        try (OrtSession.Result r = session.run(inputs)) {
            return ((float[][]) r.get(0).getValue())[0][0];
        }
    }

    @Benchmark
    public ModelPrediction predict() {
        return onnx.predict(image);
    }
}
