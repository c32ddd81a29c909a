package dev.starlight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the running platform of {@code starlight up} until it ends, and says honestly how: the user stopped it
 * ({@link #stopOnRequest()}, run by the shutdown hook on Ctrl-C or SIGTERM: "stopped"), or a child ended on its own
 * (named, with its exit code and its log; the rest are stopped). Whichever comes first claims the ending, so the
 * other message is never printed.
 */
final class PlatformWatch {
    /** How the platform ended. */
    enum Ending { USER_STOPPED, CHILD_EXITED }

    private static final long POLL_MILLIS = 200;

    private final PlatformLauncher platform;
    private final Path logDir;
    private final PrintWriter err;
    private final AtomicBoolean endClaimed = new AtomicBoolean();

    PlatformWatch(PlatformLauncher platform, Path logDir, PrintWriter err) {
        this.platform = platform;
        this.logDir = logDir;
        this.err = err;
    }

    /** Blocks until a child ends on its own (then stops the rest) or a stop was requested. */
    Ending watch() throws InterruptedException {
        while (true) {
            Optional<PlatformLauncher.ChildExit> exited = platform.firstExited();
            // stopping() is read after the exit: a child stopped by close() is seen with stopping() already true
            if (exited.isPresent() && !platform.stopping() && endClaimed.compareAndSet(false, true)) {
                PlatformLauncher.ChildExit child = exited.get();
                err.println("starlight up: a service stopped: " + child.name() + " exited on its own with code "
                        + child.exitCode() + "; see its log " + logDir.resolve(logName(child.name()))
                        + ". Stopping the rest.");
                err.flush();
                platform.close();
                return Ending.CHILD_EXITED;
            }
            if (platform.stopping()) {
                return Ending.USER_STOPPED;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The user asked to stop (the shutdown hook's work): stops every child and says so, unless a crash came first. */
    void stopOnRequest() {
        if (!endClaimed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        err.println();
        err.println("starlight up: stopping ...");
        err.flush();
        platform.close();
        err.printf(Locale.ROOT, "starlight up: stopped (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        err.flush();
    }

    /** The log file {@code starlight up} gives a child. */
    static String logName(String child) {
        return switch (child) {
            case "broker" -> "broker.out";
            case "explain-service" -> "explain.out";
            default -> child.replace("-service", "") + ".out";
        };
    }
}
