package dev.starlight.lab.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provenance checksum of a data set, as model cards and envelopes record it ({@code data_sha256},
 * {@code dataSha256}): one SHA-256 over every file's path relative to the data's folder, a 0 byte and the file's
 * bytes, in sorted path order. Names what a model or a fit saw; the trainer and {@code starlight calibrate} both
 * record it.
 */
public final class DataChecksum {
    private DataChecksum() {
    }

    /** Over every regular file under {@code dir}. */
    public static String of(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return of(dir, walk.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over {@code files}, each named by its path relative to {@code root} (a folder that holds them all). */
    public static String of(Path root, Collection<Path> files) {
        Path base = root.toAbsolutePath().normalize();
        List<Path> sorted = files.stream().map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : sorted) {
                sha.update(base.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deepest folder that holds every one of {@code paths} (folders or files). */
    public static Path commonFolder(Collection<Path> paths) {
        Path common = null;
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
            if (common == null) {
                common = dir;
            } else {
                while (!dir.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        if (common == null) {
            throw new IllegalArgumentException("no paths");
        }
        return common;
    }
}
