package dev.starlight.trainer;

import dev.starlight.core.model.InputStreams;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one training run depends on. Two runs with the same config and the same data make the same model
 * (seeded sampling, seeded initialisation, one PyTorch thread pool of a fixed size).
 *
 * @param data            a training set made by {@code starlight dataset --training}: {@code train/},
 *                        {@code validation/} and {@code holdout/}, each with {@code clean/}, {@code clean-variants/}
 *                        and {@code stego/} with sidecars
 * @param out             where the run writes its model, card and reports
 * @param name            model name (the {@code starlight.models} key)
 * @param version         model version; blank: {@code <name>-<yyyyMMdd-HHmmss>}
 * @param tileSize        side of the square tiles the network sees (the detector cuts images the same way)
 * @param tilesPerImage   training tiles taken from each image (payload-carrying tiles first for stego)
 * @param maxImages       most training images per split (0: all); the tiny run keeps this small
 * @param batchSize       tiles per step
 * @param epochs          passes over the training tiles
 * @param learningRate    Adam learning rate
 * @param triplet         whether the triplet term is in the loss
 * @param tripletWeight   weight of the triplet term against classification
 * @param tripletMargin   margin of the triplet loss on unit-length embeddings
 * @param streams         input streams the network has (a subset of {@link InputStreams#NAMES}; by default
 *                        {@link InputStreams#SHORTCUT_FREE})
 * @param seed            seed of sampling and initialisation
 * @param threads         PyTorch intra-op threads
 * @param targetFpr       false-positive rate the operating point is set for, on each family of validation clean
 *                        images
 */
public record TrainingConfig(Path data, Path out, String name, String version, int tileSize, int tilesPerImage,
                             int maxImages, int batchSize, int epochs, double learningRate, boolean triplet,
                             double tripletWeight, double tripletMargin, List<String> streams, long seed,
                             int threads, double targetFpr) {

    public static final String DEFAULT_NAME = "starlight-multistream";

    public TrainingConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        name = name == null || name.isBlank() ? DEFAULT_NAME : name;
        version = version == null ? "" : version;
        streams = List.copyOf(streams == null || streams.isEmpty() ? InputStreams.SHORTCUT_FREE : streams);
        for (String s : streams) {
            if (!InputStreams.isKnown(s)) {
                throw new IllegalArgumentException("not a stream: " + s + " (streams are " + InputStreams.NAMES + ")");
            }
        }
        if (tileSize < 8 || tileSize > 256 || tileSize % 8 != 0) {
            throw new IllegalArgumentException("tile size must be a multiple of 8 within 8..256: " + tileSize);
        }
        if (tilesPerImage < 1 || batchSize < 2 || epochs < 1 || threads < 1) {
            throw new IllegalArgumentException("tiles per image, epochs and threads must be >= 1, batch >= 2");
        }
        if (!(learningRate > 0) || !(tripletWeight >= 0) || !(tripletMargin > 0)) {
            throw new IllegalArgumentException("learning rate and margin must be > 0, triplet weight >= 0");
        }
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("target FPR must be within (0, 1): " + targetFpr);
        }
    }

    /** The default run: a useful model in well under an hour on 2 cores. */
    public static TrainingConfig defaults(Path data, Path out) {
        return new TrainingConfig(data, out, DEFAULT_NAME, "", 64, 4, 0, 32, 12, 2e-3, true, 0.5, 0.3,
                InputStreams.SHORTCUT_FREE, 7L, 2, 0.005);
    }

    /** The tiny run tests use: a handful of images, 32-pixel tiles, one epoch; seconds. */
    public static TrainingConfig tiny(Path data, Path out) {
        return new TrainingConfig(data, out, DEFAULT_NAME + "-tiny", "", 32, 2, 24, 16, 1, 2e-3, true, 0.5, 0.3,
                InputStreams.SHORTCUT_FREE, 7L, 1, 0.05);
    }

    public TrainingConfig withTriplet(boolean on) {
        return new TrainingConfig(data, out, name, version, tileSize, tilesPerImage, maxImages, batchSize, epochs,
                learningRate, on, tripletWeight, tripletMargin, streams, seed, threads, targetFpr);
    }

    public TrainingConfig withOut(Path dir) {
        return new TrainingConfig(data, dir, name, version, tileSize, tilesPerImage, maxImages, batchSize, epochs,
                learningRate, triplet, tripletWeight, tripletMargin, streams, seed, threads, targetFpr);
    }

    public TrainingConfig withNameAndVersion(String newName, String newVersion) {
        return new TrainingConfig(data, out, newName, newVersion, tileSize, tilesPerImage, maxImages, batchSize,
                epochs, learningRate, triplet, tripletWeight, tripletMargin, streams, seed, threads, targetFpr);
    }

    public TrainingConfig withStreams(List<String> only) {
        return new TrainingConfig(data, out, name, version, tileSize, tilesPerImage, maxImages, batchSize, epochs,
                learningRate, triplet, tripletWeight, tripletMargin, only, seed, threads, targetFpr);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(data, out, name, version, tileSize, tilesPerImage, maxImages, batchSize, n,
                learningRate, triplet, tripletWeight, tripletMargin, streams, seed, threads, targetFpr);
    }
}
