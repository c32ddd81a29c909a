package dev.starlight.bench;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.search.LsbSearch;
import dev.starlight.core.search.Recognised;
import dev.starlight.lab.dataset.SyntheticCovers;
import java.util.Optional;
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
 * What extraction by search ({@link LsbSearch}) adds to a scan of a clean decoded image, single-threaded: the
 * tool formats and every layout, each given up after its first bytes. The decode is not included.
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar LsbSearch -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LsbSearchBenchmark {

    @Param({"png", "gif"})
    public String format;

    @Param({"256", "512"})
    public int size;

    private DecodedImage image;

    @Setup
    public void setUp() {
        image = ImageCodecs.decode(SyntheticCovers.encoded(ImageFormat.valueOf(format.toUpperCase()), size, 42));
        if (LsbSearch.find(image).isPresent()) {
            throw new IllegalStateException("the clean cover gave a message");
        }
    }

    @Benchmark
    public Optional<Recognised> search() {
        return LsbSearch.find(image);
    }
}
