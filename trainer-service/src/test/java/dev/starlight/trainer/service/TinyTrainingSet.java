package dev.starlight.trainer.service;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.codecs.image.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small training set made in a test's folder: drawn 64² covers in three formats, split and embedded. */
final class TinyTrainingSet {
    private static final List<ImageFormat> FORMATS = List.of(ImageFormat.PNG, ImageFormat.GIF, ImageFormat.JPEG);
    private static final String TEXT = "It was a bright cold day in April, and the clocks were striking thirteen. "
            + "Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly "
            + "through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty "
            + "dust from entering along with him.";

    private TinyTrainingSet() {
    }

    /** Writes {@code <dir>/covers/} and the set under {@code <dir>/set/}; returns the set's folder. */
    static Path create(Path dir, int covers) throws IOException {
        Path coversDir = Files.createDirectories(dir.resolve("covers"));
        for (int i = 0; i < covers; i++) {
            ImageFormat format = FORMATS.get(i % FORMATS.size());
            Files.write(coversDir.resolve(String.format("cover-%02d.%s", i, format.extension())),
                    SyntheticCovers.encoded(format, 64, 1_000L + i));
        }
        Path set = dir.resolve("set");
        new TrainingSetGenerator(7L, 0.25, 0.25, List.of(TEXT.getBytes(StandardCharsets.UTF_8)))
                .generate(coversDir, set);
        return set;
    }

    /** Empty {@code train/}, {@code validation/} and {@code holdout/} folders: the shape of a set with no images. */
    static Path emptyShape(Path dir) throws IOException {
        for (String split : List.of("train", "validation", "holdout")) {
            Files.createDirectories(dir.resolve(split));
        }
        return dir;
    }
}
