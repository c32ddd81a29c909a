package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;
import java.io.PrintWriter;

/** {@code --json}: one {@link ScanResult} per line, exactly as {@link dev.starlight.core.scan.ScanResultJson} writes it. */
final class JsonLinesPrinter implements ResultPrinter {
    private final PrintWriter out;

    JsonLinesPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(ScanResult result) {
        out.print(dev.starlight.core.scan.ScanResultJson.write(result));
        out.print('\n');
        out.flush();
    }
}
