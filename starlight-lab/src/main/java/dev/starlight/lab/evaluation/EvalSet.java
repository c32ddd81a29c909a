package dev.starlight.lab.evaluation;

import dev.starlight.core.protocol.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the labelled images under folders of clean and of stego images (recursively; sidecars are skipped). */
public final class EvalSet {
    /** The group of clean covers (as opposed to clean variants made to tempt a detector). */
    public static final String CLEAN = "clean";

    private EvalSet() {
    }

    public static List<LabelledImage> load(List<Path> cleanDirs, List<Path> stegoDirs) {
        List<LabelledImage> images = new ArrayList<>();
        for (Path dir : cleanDirs) {
            for (Path file : files(dir)) {
                images.add(new LabelledImage(file, false, cleanGroup(dir, file), null, null, null, null));
            }
        }
        for (Path dir : stegoDirs) {
            for (Path file : files(dir)) {
                images.add(stego(file));
            }
        }
        return images;
    }

    /**
     * {@code clean} for a file directly in a clean folder; the name of its sub-folder otherwise (the kinds of
     * {@code CleanVariants}: {@code rgba-soft-alpha}, {@code harmless-trailer}, ...), reported apart.
     */
    static String cleanGroup(Path dir, Path file) {
        Path parent = file.getParent();
        if (parent == null || parent.normalize().equals(dir.normalize()) || parent.getFileName() == null) {
            return CLEAN;
        }
        return parent.getFileName().toString();
    }

    static LabelledImage stego(Path file) {
        Optional<Sidecar> sidecar = Sidecar.readBeside(file);
        if (sidecar.isPresent() && sidecar.get().embedding() != null) {
            Sidecar.Embedding e = sidecar.get().embedding();
            String method = e.technique();
            String group = method;
            if (e.payloadRate() != null) {
                group += String.format(Locale.ROOT, "-%.2f", e.payloadRate());
            } else if (e.bitOrder() != null && !"alpha".equals(method)) {
                group += "-" + e.bitOrder();
            }
            return new LabelledImage(file, true, group, method, e.bitOrder(), e.payloadRate(), e.messageSha256());
        }
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? "stego" : parent.getFileName().toString();
        return new LabelledImage(file, true, folder, folder, null, null, null);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
