package dev.starlight.trainer.cli;

import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingProgress;
import dev.starlight.trainer.TrainingResult;
import dev.starlight.trainer.TrainingRun;
import dev.starlight.trainer.publish.ModelPublisher;
import dev.starlight.trainer.publish.RunSigning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starlight train}: one training run from the command line. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the multi-stream model on a training set made by `starlight dataset --training`.",
            "Exports it to ONNX (checked against the trained network), sets its operating point on validation/, "
                + "evaluates it on holdout/ and writes model.onnx, model.slme (signed with --signing-key), "
                + "metrics.json and MODEL_CARD.md to --out."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training set folder.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder.")
    Path out;

    @Option(names = "--preset", defaultValue = "default", description = "default or tiny (${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--epochs", description = "Override the preset's epochs.")
    Integer epochs;

    @Option(names = "--no-triplet", description = "Train without the triplet term.")
    boolean noTriplet;

    @Option(names = "--streams", split = ",", description = "Only these input streams (default: the shortcut-free ones, pixels,lsb,transparency,palette_pairs,tile_stats; the legacy alpha, palette, meta and stats are there too).")
    List<String> streams;

    @Option(names = "--name", description = "Model name.")
    String name;

    @Option(names = "--version-name", description = "Model version (default: name and time).")
    String version;

    @Option(names = "--publish", paramLabel = "BOOTSTRAP",
            description = "Publish the model and its evaluation event to this Kafka cluster.")
    String bootstrap;

    @Option(names = "--signing-key", paramLabel = "PEM",
            description = "Sign the model envelope with this Ed25519 private key (`starlight models keygen`).")
    Path signingKey;

    @Option(names = "--topic-prefix", defaultValue = "starlight", description = "Topic prefix (${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for --publish (security.protocol, sasl.*, ssl.*).")
    Path kafkaConfig;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = switch (preset) {
            case "default" -> TrainingConfig.defaults(data, out);
            case "tiny" -> TrainingConfig.tiny(data, out);
            default -> throw new IllegalArgumentException("unknown preset " + preset + " (default, tiny)");
        };
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (noTriplet) {
            config = config.withTriplet(false);
        }
        if (streams != null && !streams.isEmpty()) {
            config = config.withStreams(streams);
        }
        if (name != null || version != null) {
            config = config.withNameAndVersion(name == null ? config.name() : name, version == null ? "" : version);
        }
        TrainingResult result = TrainingRun.run(config, TrainCommand::print, commandLine());
        if (signingKey != null) {
            result = RunSigning.sign(result, signingKey);
            System.out.println("model.slme signed by key " + result.envelope().signature().keyId());
        }
        System.out.printf(Locale.ROOT, "%s %s: card %s%n", result.metrics().model(), result.metrics().version(),
                result.cardFile());
        if (bootstrap != null) {
            Properties clientConfig = new Properties();
            if (kafkaConfig != null) {
                try (var in = Files.newBufferedReader(kafkaConfig, StandardCharsets.UTF_8)) {
                    clientConfig.load(in);
                }
            }
            ModelPublisher.publish(bootstrap, clientConfig, prefix, result);
            System.out.println("published to " + bootstrap + " (" + prefix + ".models, " + prefix + ".metrics)");
        }
        return 0;
    }

    private static long lastPrint;

    private static void print(TrainingProgress p) {
        long now = System.currentTimeMillis();
        if (p.phase() != TrainingProgress.Phase.TRAINING || now - lastPrint > 10_000 || p.step() == p.totalSteps()) {
            lastPrint = now;
            System.out.printf(Locale.ROOT, "[%s] %s%s%n", p.phase(), p.message(),
                    p.phase() == TrainingProgress.Phase.TRAINING ? String.format(Locale.ROOT,
                            ", loss %.4f, %.1f tiles/s", p.loss(), p.tilesPerSecond()) : "");
        }
    }

    /** The command as a user would type it again (recorded in the card). */
    private String commandLine() {
        StringBuilder b = new StringBuilder("bin/starlight train --data ").append(data).append(" --out ").append(out)
                .append(" --preset ").append(preset);
        if (epochs != null) {
            b.append(" --epochs ").append(epochs);
        }
        if (noTriplet) {
            b.append(" --no-triplet");
        }
        if (streams != null && !streams.isEmpty()) {
            b.append(" --streams ").append(String.join(",", streams));
        }
        if (name != null) {
            b.append(" --name ").append(name);
        }
        if (version != null) {
            b.append(" --version-name ").append(version);
        }
        return b.toString();
    }
}
