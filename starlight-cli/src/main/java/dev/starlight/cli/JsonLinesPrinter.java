package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;
import java.io.PrintWriter;

/** {@code --json}: one {@link ScanResult} per line, as {@link ScanResultLine} writes it (the core writer's format). */
final class JsonLinesPrinter implements ResultPrinter {
    private final PrintWriter out;

    JsonLinesPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(ScanResult result) {
        out.print(ScanResultLine.write(result));
        out.print('\n');
        out.flush();
    }
}
