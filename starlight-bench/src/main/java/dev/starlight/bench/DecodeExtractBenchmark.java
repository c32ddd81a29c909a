package dev.starlight.bench;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.codecs.image.DecodedImage;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Extraction;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;
import java.nio.charset.StandardCharsets;
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
 * Decode + full extraction (all five methods) of one image, single-threaded, per format and size, on a clean
 * cover and on the same cover carrying an lsb.rgb (palette for GIF, exif for JPEG) message. Also the whole
 * {@link Scanner} path (hashing, decode, extraction, verdict).
 *
 * <pre>java -jar starlight-bench/target/benchmarks.jar DecodeExtract -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DecodeExtractBenchmark {

    @Param({"png", "gif", "bmp", "webp", "jpeg"})
    public String format;

    @Param({"256", "1024"})
    public int size;

    @Param({"clean", "stego"})
    public String content;

    private byte[] file;
    private final Scanner scanner = new Scanner();

    @Setup
    public void setUp() {
        ImageFormat f = ImageFormat.valueOf(format.toUpperCase());
        byte[] cover = SyntheticCovers.encoded(f, size, 42);
        if (content.equals("stego")) {
            Method method = switch (f) {
                case GIF -> Method.PALETTE;
                case JPEG -> Method.EXIF;
                default -> Method.LSB_RGB;
            };
            byte[] message = "A benchmark message of modest length, as a user would hide it in a picture."
                    .repeat(4).getBytes(StandardCharsets.UTF_8);
            cover = Protocol.embed(cover, method, message, EmbedOptions.DEFAULT);
        }
        file = cover;
    }

    @Benchmark
    public List<Extraction> decodeAndExtract() {
        DecodedImage image = ImageCodecs.decode(file);
        return Protocol.extractAll(file, image);
    }

    @Benchmark
    public ScanResult scan() {
        return scanner.scan(file);
    }
}
