package dev.starlight.bench.reliability;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every run that starts a {@link LocalPlatform} takes: where the jars are and which ports to use. */
final class LocalPlatformOptions {
    @Option(names = "--home", description = "The Starlight checkout holding the built jars (default: set by bin/reliability).")
    Path home = Path.of(System.getProperty("starlight.home", "."));

    @Option(names = "--kafka-port", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 19092;

    @Option(names = "--http-port", description = "Detector HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort = 18080;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
