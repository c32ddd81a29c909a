package dev.starlight.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the paths on the command line into the list of files to scan, in a deterministic order: arguments in
 * the order given, each folder expanded recursively with its files sorted by path. While walking a folder,
 * hidden entries (name starting with '.') and {@code .json} sidecars are skipped, symbolic links are followed
 * but a link back into its own ancestry (a loop) is reported and skipped, and special files (pipes, devices)
 * are left out. A path named explicitly is always listed, even when it does not exist or cannot be read: the
 * scan then reports it as an error row, so no argument goes missing silently. Duplicates are listed once.
 */
final class InputFiles {
    private final Consumer<String> warnings;

    /** @param warnings receives one line per skipped loop or unreadable folder entry */
    InputFiles(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    List<Path> collect(List<Path> arguments) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            List<Path> found = Files.isDirectory(argument) ? walk(argument) : List.of(argument);
            for (Path file : found) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private List<Path> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!isHidden(file) && !isSidecar(file) && !attrs.isOther()) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                warnings.accept("skipping symbolic link loop: " + file);
                            } else if (!isHidden(file)) {
                                found.add(file); // unreadable folder or entry: becomes an IO_ERROR row
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            found.add(root);
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isSidecar(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
