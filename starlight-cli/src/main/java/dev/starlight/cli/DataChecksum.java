package dev.starlight.cli;

import dev.starlight.core.scan.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One SHA-256 over a set of files' contents (order-independent), to record which data a fit or report used. */
final class DataChecksum {
    private DataChecksum() {
    }

    static String of(List<Path> files) {
        StringBuilder all = new StringBuilder();
        files.stream().map(DataChecksum::sha).sorted().forEach(s -> all.append(s).append('\n'));
        return Scanner.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha(Path file) {
        try {
            return Scanner.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
