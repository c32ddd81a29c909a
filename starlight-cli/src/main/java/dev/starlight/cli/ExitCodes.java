package dev.starlight.cli;

/**
 * The process exit codes. When several apply, the highest precedence wins:
 * {@link #INPUT_ERROR} &gt; {@link #STEGO_FOUND} &gt; {@link #SCAN_ERRORS} &gt; {@link #NOTHING_FOUND} &gt; {@link #OK}.
 * A stego finding is never hidden behind an unreadable file.
 */
final class ExitCodes {
    /** Success: scan finished with no stego (or stego without --fail-on-stego); extract found a message; embed wrote its file. */
    static final int OK = 0;
    /** extract: no message found in any file. */
    static final int NOTHING_FOUND = 1;
    /** Usage error (picocli's too), or an input the command cannot work with (embed or extract failure). */
    static final int INPUT_ERROR = 2;
    /** scan: stego found and --fail-on-stego given. */
    static final int STEGO_FOUND = 3;
    /** scan: at least one file gave an error result. */
    static final int SCAN_ERRORS = 4;

    private ExitCodes() {
    }
}
