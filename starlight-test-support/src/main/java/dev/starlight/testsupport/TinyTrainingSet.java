package dev.starlight.testsupport;

import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small training set made in a test's folder: photo-like covers drawn in code, split three ways and embedded with
 * every kind of stego by the lab's {@link TrainingSetGenerator}.
 */
public final class TinyTrainingSet {
    private static final String TEXT = "It was a bright cold day in April, and the clocks were striking thirteen. "
            + "Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly "
            + "through the glass doors of Victory Mansions, though not quickly enough to prevent a swirl of gritty "
            + "dust from entering along with him.";

    private TinyTrainingSet() {
    }

    /**
     * {@code covers} covers of {@code size}² in PNG, GIF, WebP and PNG again, in turn, under {@code <dir>/covers/}
     * and the set made from them under {@code <dir>/set/}; returns the set's folder.
     */
    public static Path make(Path dir, int covers, int size) throws IOException {
        byte[] text = "Tiny training set message text, long enough to cut. ".repeat(40).getBytes(StandardCharsets.UTF_8);
        return make(dir, covers, size, List.of(ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP, ImageFormat.PNG),
                100, 3, text);
    }

    /** {@code covers} 64² covers in PNG, GIF and JPEG, in turn; otherwise as {@link #make(Path, int, int)}. */
    public static Path create(Path dir, int covers) throws IOException {
        return make(dir, covers, 64, List.of(ImageFormat.PNG, ImageFormat.GIF, ImageFormat.JPEG), 1_000, 7,
                TEXT.getBytes(StandardCharsets.UTF_8));
    }

    private static Path make(Path dir, int covers, int size, List<ImageFormat> formats, long firstCoverSeed,
                             long splitSeed, byte[] text) throws IOException {
        Path coverDir = Files.createDirectories(dir.resolve("covers"));
        for (int i = 0; i < covers; i++) {
            ImageFormat f = formats.get(i % formats.size());
            Files.write(coverDir.resolve(String.format("cover-%02d.%s", i, f.extension())),
                    SyntheticCovers.encoded(f, size, firstCoverSeed + i));
        }
        Path set = dir.resolve("set");
        new TrainingSetGenerator(splitSeed, 0.25, 0.25, List.of(text)).generate(coverDir, set);
        return set;
    }

    /** Empty {@code train/}, {@code validation/} and {@code holdout/} folders: the shape of a set with no images. */
    public static Path emptyShape(Path dir) throws IOException {
        for (String split : List.of("train", "validation", "holdout")) {
            Files.createDirectories(dir.resolve(split));
        }
        return dir;
    }
}
