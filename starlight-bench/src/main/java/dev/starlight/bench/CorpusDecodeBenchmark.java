package dev.starlight.bench;

import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode time of real files (made by other encoders than ours), e.g. the shared corpus covers:
 * <pre>java -jar starlight-bench/target/benchmarks.jar CorpusDecode -p file=../shared/corpus/covers/clean-0000.webp</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorpusDecodeBenchmark {

    @Param({"../shared/corpus/covers/clean-0000.webp"})
    public String file;

    private byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(Path.of(file));
    }

    @Benchmark
    public DecodedImage decode() {
        return ImageCodecs.decode(bytes);
    }
}
