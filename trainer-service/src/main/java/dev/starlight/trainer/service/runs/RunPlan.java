package dev.starlight.trainer.service.runs;

import dev.starlight.core.model.InputStreams;
import dev.starlight.trainer.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checked request: the run's id, its full {@link TrainingConfig} and whether to publish.
 *
 * @param id      the run's id, also its folder name under the work dir
 * @param preset  the preset the config started from
 * @param config  what {@code TrainingRun} gets
 * @param publish whether the model and its evaluation go to Kafka
 */
public record RunPlan(String id, Preset preset, TrainingConfig config, boolean publish) {
    private static final List<String> SPLITS = List.of("train", "validation", "holdout");
    /** Names and versions become Kafka keys, metric labels and file names. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");

    /**
     * Checks {@code request} and builds the run's config from its preset; throws {@link RunException} with the
     * code of the first problem found.
     *
     * @param threads PyTorch threads; 0 keeps the preset's
     */
    public static RunPlan of(String id, RunRequest request, Path workDir, int threads) {
        if (request == null) {
            throw new RunException(ErrorCode.BAD_REQUEST, "a JSON body is required, e.g. {\"data\": \"/path/to/set\"}");
        }
        Preset preset = request.preset() == null ? Preset.DEFAULT : Preset.parse(request.preset()).orElseThrow(() ->
                new RunException(ErrorCode.UNKNOWN_PRESET, "unknown preset '" + request.preset()
                        + "'; presets are tiny and default"));
        Path data = dataFolder(request.data());
        checkStreams(request.streams());
        checkLabel("name", request.name());
        checkLabel("version", request.version());
        TrainingConfig base = preset.config(data, workDir.resolve(id).toAbsolutePath());
        try {
            TrainingConfig config = new TrainingConfig(base.data(), base.out(),
                    request.name() == null ? base.name() : request.name(),
                    request.version() == null ? base.version() : request.version(),
                    base.tileSize(), base.tilesPerImage(), base.maxImages(), base.batchSize(),
                    request.epochs() == null ? base.epochs() : request.epochs(), base.learningRate(),
                    request.triplet() == null ? base.triplet() : request.triplet(),
                    base.tripletWeight(), base.tripletMargin(),
                    request.streams() == null ? base.streams() : request.streams(), base.seed(),
                    threads > 0 ? threads : base.threads(), base.targetFpr());
            return new RunPlan(id, preset, config, request.publish() == null || request.publish());
        } catch (IllegalArgumentException e) {
            throw new RunException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    private static Path dataFolder(String data) {
        if (data == null || data.isBlank()) {
            throw new RunException(ErrorCode.BAD_REQUEST, "data is required: the path of a training set");
        }
        Path path;
        try {
            path = Path.of(data).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new RunException(ErrorCode.BAD_REQUEST, "data is not a path: " + e.getMessage());
        }
        if (!Files.isDirectory(path)) {
            throw new RunException(ErrorCode.DATA_NOT_FOUND, "no folder at " + path);
        }
        for (String split : SPLITS) {
            if (!Files.isDirectory(path.resolve(split))) {
                throw new RunException(ErrorCode.DATA_NOT_FOUND, path + " is not a training set: it has no " + split
                        + "/ folder (make one with starlight dataset --training)");
            }
        }
        return path;
    }

    private static void checkStreams(List<String> streams) {
        if (streams == null) {
            return;
        }
        if (streams.isEmpty()) {
            throw new RunException(ErrorCode.BAD_REQUEST, "streams, when given, must name at least one of "
                    + InputStreams.NAMES);
        }
        for (String s : streams) {
            if (!InputStreams.isKnown(s)) {
                throw new RunException(ErrorCode.UNKNOWN_STREAM, "unknown stream '" + s + "'; streams are "
                        + InputStreams.NAMES);
            }
        }
    }

    private static void checkLabel(String field, String value) {
        if (value != null && !LABEL.matcher(value).matches()) {
            throw new RunException(ErrorCode.BAD_REQUEST, field + " must be 1-100 letters, digits, '.', '_', '+' or"
                    + " '-', starting with a letter or digit: '" + value + "'");
        }
    }
}
