package dev.starlight.trainer.evaluation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import dev.starlight.core.model.InputStreams;
import dev.starlight.core.model.StreamSpec;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.data.MethodLabels;
import dev.starlight.trainer.network.MultiStreamNetwork;
import dev.starlight.trainer.train.NetworkTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run's folder read back: its metrics and its provenance (config, versions, command).
 *
 * @param dir        the folder
 * @param metrics    {@code metrics.json}
 * @param provenance {@code provenance.json}
 */
public record RunFolder(Path dir, ModelMetrics metrics, JsonNode provenance) {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static RunFolder read(Path dir) throws IOException {
        return new RunFolder(dir, JSON.readValue(dir.resolve("metrics.json").toFile(), ModelMetrics.class),
                JSON.readTree(dir.resolve("provenance.json").toFile()));
    }

    public JsonNode config() {
        return provenance.path("config");
    }

    /** The run's settings as a config (data and output folders set to the run folder: only for reloading). */
    public TrainingConfig trainingConfig() {
        JsonNode c = config();
        List<String> streams = new ArrayList<>();
        c.path("streams").forEach(n -> streams.add(n.asText()));
        return new TrainingConfig(dir, dir, metrics.model(), metrics.version(), c.path("tileSize").asInt(),
                c.path("tilesPerImage").asInt(), c.path("maxImages").asInt(), c.path("batchSize").asInt(),
                c.path("epochs").asInt(), c.path("learningRate").asDouble(), c.path("triplet").asBoolean(),
                c.path("tripletWeight").asDouble(), c.path("tripletMargin").asDouble(), streams,
                c.path("seed").asLong(), c.path("threads").asInt(1), c.path("targetFpr").asDouble());
    }

    /**
     * The trained network with its weights ({@code network.params}), in a trainer that owns it: for inference and
     * gradients with respect to the inputs (robustness attacks). Close the trainer when done.
     */
    public NetworkTrainer loadNetwork() throws IOException {
        TrainingConfig config = trainingConfig();
        List<StreamSpec> specs = config.streams().stream()
                .map(s -> InputStreams.spec(s, config.tileSize()).orElseThrow()).toList();
        NetworkTrainer trainer = new NetworkTrainer(config, new MultiStreamNetwork(specs, MethodLabels.ALL));
        try {
            trainer.loadParameters(dir.resolve(NetworkTrainer.PARAMETERS_FILE));
            return trainer;
        } catch (IOException | RuntimeException e) {
            trainer.close();
            throw e;
        }
    }

    /** The exported ONNX model of the run. */
    public byte[] onnx() throws IOException {
        return java.nio.file.Files.readAllBytes(dir.resolve("model.onnx"));
    }
}
