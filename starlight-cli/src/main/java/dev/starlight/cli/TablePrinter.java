package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The default output: aligned columns for people. The path column is as wide as the longest path (all paths are
 * known before the first row), so rows can be printed as they arrive.
 */
final class TablePrinter implements ResultPrinter {
    private final PrintWriter out;
    private final String rowFormat;

    TablePrinter(PrintWriter out, int pathWidth) {
        this.out = out;
        this.rowFormat = "%-" + Math.max(4, pathWidth) + "s  %-7s  %5s  %-7s  %-9s  %-" + (PayloadPreview.MAX_CHARS + 3)
                + "s  %s";
    }

    @Override
    public void header() {
        line("PATH", "VERDICT", "PROB", "METHOD", "BIT ORDER", "PAYLOAD", "ERROR");
    }

    @Override
    public void print(ScanResult r) {
        line(r.source(), r.verdict().label(),
                r.stegoProbability() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.stegoProbability()),
                dash(r.method()), dash(r.bitOrder()), PayloadPreview.of(r.payload()),
                r.error() == null ? "" : r.error().code());
    }

    private void line(Object... cells) {
        out.print(String.format(Locale.ROOT, rowFormat, cells).stripTrailing());
        out.print('\n');
        out.flush();
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
