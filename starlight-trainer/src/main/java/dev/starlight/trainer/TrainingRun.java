package dev.starlight.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.lab.evaluation.LabelledImage;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.model.ModelInputOptions;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.TrainingProgress.Phase;
import dev.starlight.trainer.data.MethodLabels;
import dev.starlight.trainer.data.TileSample;
import dev.starlight.trainer.data.TrainingSplit;
import dev.starlight.lab.dataset.DataChecksum;
import dev.starlight.trainer.evaluation.ModelCard;
import dev.starlight.trainer.evaluation.ModelEvaluation;
import dev.starlight.trainer.evaluation.ModelMetrics;
import dev.starlight.trainer.evaluation.OperatingPoint;
import dev.starlight.trainer.evaluation.Versions;
import dev.starlight.trainer.export.ModelExport;
import dev.starlight.trainer.export.OnnxParity;
import dev.starlight.trainer.network.MultiStreamNetwork;
import dev.starlight.trainer.train.NetworkTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One training run, end to end: load the training set, train the multi-stream network, check the ONNX export
 * against the trained network, set the operating point on the validation split, evaluate on the holdout split
 * with the evaluator of {@code starlight eval}, and write {@code model.onnx}, {@code model.slme} (the envelope),
 * {@code metrics.json}, {@code provenance.json} (config, versions, command), {@code network.params} (the DJL
 * weights, for reports that need gradients) and {@code MODEL_CARD.md} under the run's folder.
 */
public final class TrainingRun {
    /** Tiles compared between DJL and ONNX Runtime in the parity check. */
    static final int PARITY_TILES = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingRun() {
    }

    public static TrainingResult run(TrainingConfig config, TrainingListener listener) {
        return run(config, listener, "TrainingRun.run(" + config + ")");
    }

    /** @param command how this run was started, recorded in the card and the provenance */
    public static TrainingResult run(TrainingConfig config, TrainingListener listener, String command) {
        try {
            return runChecked(config, listener, command);
        } catch (IOException e) {
            listener.progress(TrainingProgress.of(Phase.FAILED, e.toString()));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            listener.progress(TrainingProgress.of(Phase.FAILED, e.toString()));
            throw e;
        }
    }

    private static TrainingResult runChecked(TrainingConfig config, TrainingListener listener, String command)
            throws IOException {
        // PyTorch reads its thread count once, when the engine starts
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.threads()));
        String version = config.version().isBlank()
                ? config.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now())
                : config.version();
        Files.createDirectories(config.out());
        ModelInputOptions options = new ModelInputOptions(config.tileSize(), ModelInputOptions.DEFAULT_MAX_TILES);
        listener.progress(TrainingProgress.of(Phase.LOADING, "reading " + config.data()));
        String dataSha = DataChecksum.of(config.data());
        TrainingSplit train = TrainingSplit.load(config.data().resolve(TrainingSetGenerator.TRAIN), options,
                config.streams(), config.tilesPerImage(), config.maxImages(), config.seed(), config.threads());
        List<StreamSpec> specs = config.streams().stream()
                .map(s -> InputStreams.spec(s, config.tileSize()).orElseThrow()).toList();
        MultiStreamNetwork network = new MultiStreamNetwork(specs, MethodLabels.ALL);
        try (NetworkTrainer trainer = new NetworkTrainer(config, network)) {
            NetworkTrainer.Summary summary = trainer.train(train, listener);

            listener.progress(TrainingProgress.of(Phase.CALIBRATING, "parity check and operating point"));
            TileSample[] probe = parityTiles(train);
            float[][] djl = trainer.predict(trainer.manager(), probe);
            byte[] unshifted = ModelExport.onnx(network, config.name(), version, config.tileSize(), 0f, "{}", Map.of());
            double parity = OnnxParity.maxDifference(unshifted, specs, probe, djl, 0f);
            List<LabelledImage> validation = TrainingSplit.images(
                    config.data().resolve(TrainingSetGenerator.VALIDATION));
            OperatingPoint point = OperatingPoint.choose(unshifted, TrainingSplit.subset(validation, config.maxImages()),
                    config.targetFpr());
            float threshold = (float) point.threshold();

            listener.progress(TrainingProgress.of(Phase.EVALUATING, "held-out evaluation"));
            byte[] evaluated = ModelExport.onnx(network, config.name(), version, config.tileSize(), threshold, "{}",
                    Map.of());
            parity = Math.max(parity, OnnxParity.maxDifference(evaluated, specs, probe, djl, threshold));
            if (!(parity <= OnnxParity.TOLERANCE)) {
                throw new IllegalStateException("ONNX export differs from the trained network by " + parity
                        + " (tolerance " + OnnxParity.TOLERANCE + ")");
            }
            List<LabelledImage> holdout = TrainingSplit.subset(TrainingSplit.images(
                    config.data().resolve(TrainingSetGenerator.HOLDOUT)), config.maxImages());
            ModelEvaluation evaluation = ModelEvaluation.run(evaluated, version, holdout, config.threads());

            ModelMetrics metrics = new ModelMetrics(config.name(), version, dataSha,
                    new ModelMetrics.Training(train.images() - train.skipped(), train.tiles(), summary.steps(),
                            summary.seconds(), summary.tilesPerSecond(), summary.finalLoss(), threshold,
                            point.validationFpr(), point.validationTpr(), parity),
                    evaluation.modelAuc(), evaluation.p95LatencyMs(), evaluation.withModel(),
                    evaluation.statisticsOnly());

            listener.progress(TrainingProgress.of(Phase.EXPORTING, "writing " + config.out()));
            String provenance = provenance(config, command, metrics);
            byte[] onnx = ModelExport.onnx(network, config.name(), version, config.tileSize(), threshold, provenance,
                    Map.of("data_sha256", dataSha));
            ModelEnvelope envelope = ModelEnvelope.of(config.name(), version, Instant.now(),
                    Map.of("provenance", provenance, "data_sha256", dataSha, "command", command), onnx);
            Path onnxFile = config.out().resolve("model.onnx");
            Files.write(onnxFile, onnx);
            Files.write(config.out().resolve("model.slme"), envelope.toBytes());
            Files.writeString(config.out().resolve("metrics.json"), JSON.writeValueAsString(metrics));
            Files.writeString(config.out().resolve("provenance.json"), provenance);
            trainer.saveParameters(config.out().resolve(NetworkTrainer.PARAMETERS_FILE));
            Path card = config.out().resolve("MODEL_CARD.md");
            Files.writeString(card, ModelCard.markdown(metrics, config, command, parameterCount(network)));
            listener.progress(new TrainingProgress(Phase.DONE, summary.steps(), summary.steps(), summary.finalLoss(),
                    summary.tilesPerSecond(), version + " written to " + config.out()));
            return new TrainingResult(envelope, onnxFile, card, metrics);
        }
    }

    /** Evenly spread clean and stego tiles of the training split. */
    private static TileSample[] parityTiles(TrainingSplit split) {
        List<TileSample> out = new ArrayList<>();
        for (List<TileSample> pool : List.of(split.clean(), split.stego())) {
            int n = Math.min(PARITY_TILES / 2, pool.size());
            for (int k = 0; k < n; k++) {
                out.add(pool.get((int) ((2L * k + 1) * pool.size() / (2L * n))));
            }
        }
        return out.toArray(TileSample[]::new);
    }

    private static long parameterCount(MultiStreamNetwork network) {
        long n = 0;
        for (var p : network.getParameters().values()) {
            n += p.getArray().size();
        }
        return n;
    }

    private static String provenance(TrainingConfig config, String command, ModelMetrics metrics) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("command", command);
        p.put("dataSha256", metrics.dataSha256());
        p.put("trainedAt", Instant.now().toString());
        ObjectNode c = p.putObject("config");
        c.put("tileSize", config.tileSize());
        c.put("tilesPerImage", config.tilesPerImage());
        c.put("maxImages", config.maxImages());
        c.put("batchSize", config.batchSize());
        c.put("epochs", config.epochs());
        c.put("learningRate", config.learningRate());
        c.put("triplet", config.triplet());
        c.put("tripletWeight", config.tripletWeight());
        c.put("tripletMargin", config.tripletMargin());
        c.putPOJO("streams", config.streams());
        c.put("seed", config.seed());
        c.put("threads", config.threads());
        c.put("targetFpr", config.targetFpr());
        p.putPOJO("versions", Versions.all());
        ObjectNode m = p.putObject("metrics");
        m.putPOJO("training", metrics.training());
        m.putPOJO("modelAuc", metrics.modelAuc());
        m.put("p95LatencyMs", metrics.p95LatencyMs());
        return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(p);
    }
}
