package dev.starlight.bench;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.codecs.image.JpegCoefficients;
import dev.starlight.core.Evidence;
import dev.starlight.core.analysis.JpegDctDetector;
import dev.starlight.core.analysis.JpegStegoFeatures;
import dev.starlight.core.analysis.JpegStegoModel;
import dev.starlight.lab.dataset.SyntheticCovers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JPEG classifier's fast path on one thread: {@link JpegStegoFeatures} of the luma coefficients (calibration
 * included) and the shipped {@link JpegStegoModel}, from coefficients already read ({@code features}), and with the
 * coefficient read from the file ({@code readAndClassify}); and everything the scan adds for a JPEG in the DCT
 * domain ({@code dctDetectors}: {@link JpegDctDetector} from the file: coefficient read, {@code jpeg.hist},
 * {@code jpeg.calib}, {@code jpeg.seq} and {@code jpeg.stego}).
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar JpegFeatures -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class JpegFeaturesBenchmark {

    @Param({"256", "512"})
    public int size;

    private byte[] file;
    private JpegCoefficients.Component luma;
    private JpegStegoModel model;
    private DecodedImage decoded;
    private final JpegDctDetector detector = new JpegDctDetector();

    @Setup
    public void setUp() {
        file = SyntheticCovers.encoded(ImageFormat.JPEG, size, 42);
        luma = JpegCoefficientReader.read(file).luma();
        model = JpegStegoModel.shipped();
        decoded = ImageCodecs.decode(file);
    }

    @Benchmark
    public double[] features() {
        return JpegStegoFeatures.of(luma);
    }

    @Benchmark
    public List<Evidence> dctDetectors() {
        return detector.analyse(decoded, file);
    }

    @Benchmark
    public JpegStegoModel.Result readAndClassify() {
        double[] f = JpegStegoFeatures.of(JpegCoefficientReader.read(file).luma());
        return model == null ? null : model.classify(f);
    }
}
