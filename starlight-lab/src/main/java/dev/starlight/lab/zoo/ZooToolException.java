package dev.starlight.lab.zoo;

/** A failure of the clean-zoo generator, with a stable code a caller (the CLI, a test) can act on. */
public final class ZooToolException extends RuntimeException {

    /** What went wrong. */
    public enum Code {
        /** An external tool the zoo needs is not installed ({@code bin/install-zoo-tools} installs them). */
        TOOL_MISSING,
        /** An external tool exited with a non-zero status or wrote nothing. */
        TOOL_FAILED,
        /** No readable source image in the source folders. */
        NO_SOURCES
    }

    private final Code code;

    public ZooToolException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
