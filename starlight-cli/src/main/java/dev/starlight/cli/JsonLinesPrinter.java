package dev.starlight.cli;

import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import java.io.PrintWriter;

/** {@code --json}: one {@link ScanResult} per line, exactly as {@link ScanResultJson#write} writes it everywhere else. */
final class JsonLinesPrinter implements ResultPrinter {
    private final PrintWriter out;

    JsonLinesPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(ScanResult result) {
        out.print(ScanResultJson.write(result));
        out.print('\n');
        out.flush();
    }
}
