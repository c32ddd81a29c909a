package dev.starlight.bench;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.codecs.image.JpegCoefficientReader;
import dev.starlight.core.search.steghide.SteghideSamples;
import dev.starlight.core.search.steghide.SteghideSeedSearch;
import dev.starlight.lab.dataset.SyntheticCovers;
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
 * The steghide deep check's seed search on one thread: 2^24 seeds of a clean JPEG (none holds a header), so a full
 * search of 2^32 seeds on one core takes 256 times the figure; {@code samples} is the cover read into steghide's
 * sample order (done once per search).
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar SteghideSeedSearch -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class SteghideSeedSearchBenchmark {
    private static final long SEEDS = 1L << 24;

    @Param({"256", "512"})
    public int size;

    private byte[] file;
    private SteghideSamples samples;
    private SteghideSeedSearch search;

    @Setup
    public void setUp() {
        file = SyntheticCovers.encoded(ImageFormat.JPEG, size, 42);
        samples = SteghideSamples.of(JpegCoefficientReader.read(file));
        search = new SteghideSeedSearch(1, 0, SEEDS);
    }

    @Benchmark
    public SteghideSeedSearch.Result search2pow24Seeds() {
        return search.search(samples, done -> { }, () -> false);
    }

    @Benchmark
    public SteghideSamples samples() {
        return SteghideSamples.of(JpegCoefficientReader.read(file));
    }
}
