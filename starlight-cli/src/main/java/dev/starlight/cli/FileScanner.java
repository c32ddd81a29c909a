package dev.starlight.cli;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * One file in, one {@link ScanResult} out, never an exception: reads the file and hands its bytes to the
 * {@link ImageScanner} with the path as request id and source. A file that cannot be read becomes an
 * {@code IO_ERROR} row; a file above the byte limit becomes a {@code TOO_LARGE} row without being loaded.
 */
final class FileScanner {
    private final ImageScanner scanner;
    private final long maxBytes;

    FileScanner(ImageScanner scanner, long maxBytes) {
        this.scanner = scanner;
        this.maxBytes = maxBytes;
    }

    /** @param onRead told the bytes once they are read (so a timeout row can still carry their hash) */
    ScanResult scan(Path path, Consumer<byte[]> onRead) {
        long start = System.nanoTime();
        String name = path.toString();
        byte[] data;
        try {
            if (!Files.isRegularFile(path)) {
                String why = Files.isDirectory(path) ? "is a folder that could not be listed"
                        : Files.exists(path) ? "not a regular file" : "no such file";
                return ErrorResults.of(name, null, ErrorResults.IO_ERROR, name + ": " + why, elapsedMs(start));
            }
            long size = Files.size(path);
            if (size > maxBytes) {
                return tooLarge(path, size, start);
            }
            data = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            return ErrorResults.of(name, null, ErrorResults.IO_ERROR, IoErrors.describe(path, e), elapsedMs(start));
        }
        onRead.accept(data);
        return scanner.scan(new ScanRequest(name, name, data));
    }

    private ScanResult tooLarge(Path path, long size, long start) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] head;
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
            head = in.readNBytes(16);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String format = ImageFormat.sniff(head).map(ImageFormat::label).orElse(null);
        return ErrorResults.of(path.toString(), HexFormat.of().formatHex(sha.digest()), format,
                ErrorCode.TOO_LARGE.name(), "file is " + size + " bytes, limit " + maxBytes + " (--max-bytes)",
                elapsedMs(start));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
