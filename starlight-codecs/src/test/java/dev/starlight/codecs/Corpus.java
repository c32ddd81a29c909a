package dev.starlight.codecs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus beside the checkout ({@code ../shared/corpus}, passed by the build as system property
 * {@code starlight.corpus}). Tests that need it are skipped, with the reason, when it is absent.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String p = System.getProperty("starlight.corpus", "../shared/corpus");
        Path root = Path.of(p);
        assumeTrue(Files.isDirectory(root.resolve("covers")),
                "corpus not found at " + root.toAbsolutePath() + ": corpus-dependent check skipped");
        return root;
    }

    public static List<Path> covers() {
        return images(root().resolve("covers"));
    }

    public static List<Path> referenceStego() {
        return images(root().resolve("reference-stego"));
    }

    public static Path payload(String name) {
        return root().resolve("payloads").resolve(name);
    }

    private static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
