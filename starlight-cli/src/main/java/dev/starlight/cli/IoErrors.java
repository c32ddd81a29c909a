package dev.starlight.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One short line for a failed file operation: {@code PATH: no such file}, {@code PATH: permission denied}, ... */
final class IoErrors {
    private IoErrors() {
    }

    /** @param path the file being worked on, used when the exception names none; may be null */
    static String describe(Path path, Exception e) {
        String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : String.valueOf(path);
        if (e instanceof NoSuchFileException) {
            return where + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return where + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return where + ": " + f.getReason();
        }
        return where + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
