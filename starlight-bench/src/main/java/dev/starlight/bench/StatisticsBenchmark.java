package dev.starlight.bench;

import dev.starlight.core.Detector;
import dev.starlight.core.analysis.StatisticalDetectors;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.Evidence;
import java.util.ArrayList;
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
 * The core's full statistical set ({@link StatisticalDetectors#all()}) on one decoded image, single-threaded: the
 * LSB statistics on every plane, the container and palette evidence, and for JPEG the DCT detectors (which read
 * the coefficients from the file, so that decode is included). {@code -p detector=spa} times one family alone.
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar Statistics -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class StatisticsBenchmark {

    @Param({"png", "gif", "jpeg"})
    public String format;

    @Param({"256", "512"})
    public int size;

    /** {@code all}, or one detector's name. */
    @Param({"all"})
    public String detector;

    private byte[] file;
    private DecodedImage image;
    private List<Detector> detectors;

    @Setup
    public void setUp() {
        file = SyntheticCovers.encoded(ImageFormat.valueOf(format.toUpperCase()), size, 42);
        image = ImageCodecs.decode(file);
        detectors = StatisticalDetectors.all().stream()
                .filter(d -> detector.equals("all") || d.name().equals(detector)).toList();
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("no detector named " + detector);
        }
    }

    @Benchmark
    public List<Evidence> analyse() {
        List<Evidence> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.analyse(image, file));
        }
        return out;
    }
}
