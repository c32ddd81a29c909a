package dev.starlight.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that a progress bar drawn there is seen and not logged. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, where {@code /proc/self/fd/2} points (a tty or pty device means a terminal), so the bar still shows
     * when standard output is redirected ({@code starlight scan --json dir > out.jsonl}). Elsewhere Java 17 can only
     * tell whether the process has a console ({@code System.console() != null}: standard input and output are
     * terminals), which is used as the answer.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
