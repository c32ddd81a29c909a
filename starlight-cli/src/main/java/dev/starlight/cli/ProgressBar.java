package dev.starlight.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one-line progress display on standard error, e.g.
 * {@code [#####-----] 123/456 files  12 stego  1 error  85 files/s}, redrawn in place with {@code \r} at most
 * ten times a second. Result lines printed while it is shown go through {@link #printAbove} so the two never mix.
 */
final class ProgressBar {
    private static final int WIDTH = 20;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int total;
    private final ScanTally tally;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private int drawnLength;
    private boolean everDrawn;
    private String status = "";

    ProgressBar(PrintWriter err, int total, ScanTally tally) {
        this.err = err;
        this.total = total;
        this.tally = tally;
    }

    /** Redraws if the last drawing is at least 100 ms old. */
    synchronized void update() {
        long now = System.nanoTime();
        if (!everDrawn || now - lastDrawNanos >= MIN_REDRAW_NANOS) {
            draw(now);
        }
    }

    /**
     * Clears the bar, runs {@code print} (which writes result lines to standard output), then shows the bar again
     * (at once, or at the next update when the last drawing is too recent).
     */
    synchronized void printAbove(Runnable print) {
        clear();
        print.run();
        update();
    }

    /** Text shown after the counts (the deep search's progress), or empty; redrawn like {@link #update}. */
    synchronized void status(String text) {
        status = text;
        update();
    }

    /** Draws the final state and ends its line. */
    synchronized void finish() {
        draw(System.nanoTime());
        err.print('\n');
        err.flush();
        drawnLength = 0;
    }

    static String render(int done, int total, int stego, int errors, double filesPerSecond) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " files  "
                + stego + " stego  " + errors + (errors == 1 ? " error  " : " errors  ")
                + String.format(Locale.ROOT, "%.0f files/s", filesPerSecond);
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        int done = tally.done();
        String line = render(done, total, tally.stego(), tally.errors(), done / seconds)
                + (status.isEmpty() ? "" : "  " + status);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
        lastDrawNanos = now;
        everDrawn = true;
    }

    private void clear() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
