package dev.starlight.cli;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.scan.ScanError;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.Scanner;

/**
 * Error rows the CLI builds itself, for files the core scanner never saw (unreadable, too large to read, timed
 * out), so that every input gets exactly one result. {@code requestId} and {@code source} are the path.
 */
final class ErrorResults {
    /** Not one of the core's {@code ErrorCode}s: the file could not be read at all. CLI only. */
    static final String IO_ERROR = "IO_ERROR";

    private ErrorResults() {
    }

    /**
     * @param data the file's bytes when they were read, else null (then sha256 and format stay null)
     */
    static ScanResult of(String path, byte[] data, String code, String message, long latencyMs) {
        String sha256 = data == null ? null : Scanner.sha256(data);
        String format = data == null ? null : ImageFormat.sniff(data).map(ImageFormat::label).orElse(null);
        return of(path, sha256, format, code, message, latencyMs);
    }

    static ScanResult of(String path, String sha256, String format, String code, String message, long latencyMs) {
        return ScanResult.error(path, sha256, path, format, null, latencyMs, new ScanError(code, message));
    }
}
