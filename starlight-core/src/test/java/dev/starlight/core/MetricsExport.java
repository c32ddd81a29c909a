package dev.starlight.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the sample names a running service serves on /q/metrics to target/exposed-metrics.txt, one a line:
 * deploy-checks' DashboardMetricsTest checks every name a Grafana dashboard queries against these files. Each
 * service's MetricsExportTest calls it from its module folder (the file lands in that module's target/).
 */
public final class MetricsExport {
    private MetricsExport() {
    }

    public static Set<String> write(String prometheusText) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : prometheusText.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        Path out = Path.of("target", "exposed-metrics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, names);
        return names;
    }
}
