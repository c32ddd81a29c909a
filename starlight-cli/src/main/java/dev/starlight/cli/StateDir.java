package dev.starlight.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The directory {@code starlight up} keeps its state in (default {@code ~/.starlight}): the broker's data, which holds
 * every earlier run's topics and results, and the children's logs. A marker file says that {@code up} manages it;
 * {@link #empty()} deletes nothing in a directory without the marker, so a mistyped {@code --state-dir} cannot wipe
 * unrelated files.
 */
final class StateDir {
    static final String MARKER = ".starlight-state";
    /** What {@code up} writes there: a directory holding only these (a run before the marker existed) is adopted. */
    private static final Set<String> OWN_ENTRIES = Set.of(MARKER, "kafka", "broker.out", "detector.out",
            "monitor.out", "explain.out");

    private final Path dir;

    StateDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path path() {
        return dir;
    }

    /** Whether the directory is {@code up}'s: it holds the marker, or nothing but what {@code up} writes. */
    boolean managed() throws IOException {
        if (!Files.isDirectory(dir)) {
            return !Files.exists(dir);
        }
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (!OWN_ENTRIES.contains(e.getFileName().toString())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether an earlier run left broker data (topics and results) here. */
    boolean holdsEarlierRun() throws IOException {
        Path kafka = dir.resolve("kafka");
        if (!Files.isDirectory(kafka)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(kafka)) {
            return entries.iterator().hasNext();
        }
    }

    /** Creates the directory if needed and marks it as {@code up}'s when it is (see {@link #managed()}). */
    void prepare() throws IOException {
        boolean managed = managed();
        Files.createDirectories(dir);
        if (managed && !Files.exists(dir.resolve(MARKER))) {
            Files.writeString(dir.resolve(MARKER), "state of `starlight up`; `starlight up --fresh` empties this directory\n");
        }
    }

    /**
     * Deletes everything in the directory but the marker (symbolic links themselves, never what they point to).
     *
     * @throws IOException also when the directory is not {@code up}'s, before anything is deleted
     */
    void empty() throws IOException {
        if (!managed()) {
            throw new IOException(dir + " holds files starlight up did not write (no " + MARKER
                    + "); --fresh empties only a state directory of its own");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (!e.getFileName().toString().equals(MARKER)) {
                    deleteTree(e);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
