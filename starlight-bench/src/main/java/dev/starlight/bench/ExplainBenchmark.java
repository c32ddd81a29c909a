package dev.starlight.bench;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.core.explain.Explainer;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.HeatmapPng;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.core.model.ShippedModel;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One explanation ({@code Explainer.explain}: scan with the model, stream ablation, tile occlusion, regions,
 * summary) of a 256² RGB PNG (16 tiles of 64²) carrying a 400-byte lsb.rgb message, single thread; and the heatmap
 * PNG of that explanation. {@code -p model=PATH} (ONNX or {@code .slme}) explains with another model,
 * {@code -p model=none} with the evidence alone; the default is the model shipped in starlight-core.
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar ExplainBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExplainBenchmark {

    /** {@code shipped}, {@code none}, or the path of an ONNX file or model envelope. */
    @Param({"shipped"})
    public String model;

    private OnnxModel onnx;
    private Explainer explainer;
    private byte[] image;
    private DecodedImage decoded;
    private Explanation explanation;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (!model.equals("none")) {
            byte[] bytes = model.equals("shipped") ? ShippedModel.envelope().orElseThrow().toBytes()
                    : Files.readAllBytes(Path.of(model));
            onnx = OnnxModel.load(ModelEnvelope.isEnvelope(bytes) ? ModelEnvelope.fromBytes(bytes).onnx() : bytes);
        }
        explainer = new Explainer(ScanOptions.DEFAULT, onnx);
        byte[] message = "A benchmark message of readable text. ".repeat(11).substring(0, 400)
                .getBytes(StandardCharsets.UTF_8);
        image = Protocol.embed(SyntheticCovers.encoded(ImageFormat.PNG, 256, 7), Method.LSB_RGB, message,
                EmbedOptions.DEFAULT);
        decoded = ImageCodecs.decode(image);
        explanation = explainer.explain("bench", image);
        if (explanation.error() != null) {
            throw new IllegalStateException(explanation.summary());
        }
        System.out.println("\n" + explanation.summary());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (onnx != null) {
            onnx.close();
        }
    }

    @Benchmark
    public Explanation explain() {
        return explainer.explain("bench", image);
    }

    @Benchmark
    public byte[] heatmap() {
        return HeatmapPng.render(decoded, explanation.saliency());
    }
}
