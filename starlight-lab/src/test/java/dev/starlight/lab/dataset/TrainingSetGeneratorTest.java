package dev.starlight.lab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.codecs.SyntheticImages;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetGeneratorTest {
    @TempDir
    static Path dir;
    static Path covers;
    static EvalSetGenerator.Summary summary;

    @BeforeAll
    static void generate() throws Exception {
        covers = Files.createDirectories(dir.resolve("covers"));
        for (int i = 0; i < 12; i++) {
            Files.write(covers.resolve("c" + i + ".png"),
                    SyntheticImages.encode(SyntheticImages.rgb(ImageFormat.PNG, 64, 64, i % 3 == 0, 8, i)));
        }
        summary = generator().generate(covers, dir.resolve("set"));
    }

    static TrainingSetGenerator generator() {
        byte[] text = "A short text to hide, cut and compressed. ".repeat(30).getBytes(StandardCharsets.UTF_8);
        return new TrainingSetGenerator(11, 0.25, 0.25, List.of(text));
    }

    @Test
    void everyCoverIsInExactlyOneOfTheThreeSplits() throws Exception {
        Map<String, String> splitOf = new HashMap<>();
        for (String split : List.of(TrainingSetGenerator.TRAIN, TrainingSetGenerator.VALIDATION,
                TrainingSetGenerator.HOLDOUT)) {
            Path clean = dir.resolve("set").resolve(split).resolve("clean");
            if (!Files.isDirectory(clean)) {
                continue;
            }
            try (Stream<Path> files = Files.list(clean)) {
                files.forEach(f -> assertThat(splitOf.put(f.getFileName().toString(), split)).isNull());
            }
        }
        assertThat(splitOf).hasSize(12);
        assertThat(Set.copyOf(splitOf.values())).contains(TrainingSetGenerator.TRAIN);
        // stego files only sit in the split of their cover
        try (Stream<Path> files = Files.walk(dir.resolve("set"))) {
            files.filter(f -> f.toString().contains("/stego/") && f.toString().endsWith(".png")).forEach(f -> {
                String split = dir.resolve("set").relativize(f).getName(0).toString();
                assertThat(splitOf.get(f.getFileName().toString())).isEqualTo(split);
            });
        }
    }

    @Test
    void protocolMessagesVaryInLengthAndKindAndAreExtracted() throws Exception {
        Set<Integer> lengths = new HashSet<>();
        int printable = 0;
        int binary = 0;
        try (Stream<Path> files = Files.walk(dir.resolve("set"))) {
            for (Path f : files.filter(p -> p.toString().contains("/stego/lsb.rgb")
                    && p.toString().endsWith(".png")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                byte[] message = Protocol.messages(bytes, ImageCodecs.decode(bytes)).get(0).payload();
                lengths.add(message.length);
                boolean text = new String(message, StandardCharsets.UTF_8).chars().allMatch(c -> c >= 32 && c < 127);
                if (text) {
                    printable++;
                } else {
                    binary++;
                }
            }
        }
        assertThat(lengths.size()).as("distinct message lengths %s", lengths).isGreaterThanOrEqualTo(6);
        assertThat(printable).as("text messages").isPositive();
        assertThat(binary).as("compressed or random messages").isPositive();
    }

    @Test
    void sameSeedGivesTheSameBytes() throws Exception {
        generator().generate(covers, dir.resolve("again"));
        try (Stream<Path> files = Files.walk(dir.resolve("set"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path twin = dir.resolve("again").resolve(dir.resolve("set").relativize(f));
                assertThat(Files.readAllBytes(twin)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
        assertThat(summary.stegoFiles()).isPositive();
    }
}
