package dev.starlight.trainer.report;

import dev.starlight.trainer.evaluation.RunFolder;
import java.time.Instant;
import java.util.Locale;

/** The lines every report starts with: what model, what data, what command, what machine. */
final class ReportHeader {
    private ReportHeader() {
    }

    static String of(String title, RunFolder run, String data, String command) {
        return String.format(Locale.ROOT, """
                # %s

                - model: `%s` version `%s` (run folder `%s`)
                - training set SHA-256: `%s`; evaluated on `%s`
                - written by: `%s`
                - machine: %d cores, Java %s, %s
                - every figure below was printed by that command

                """, title, run.metrics().model(), run.metrics().version(), run.dir().getFileName(),
                run.metrics().dataSha256(), data, command, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Instant.now().toString().substring(0, 10));
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.3f", v);
    }
}
