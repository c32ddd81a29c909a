package dev.starlight.trainer;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.lab.dataset.TrainingSetGenerator;
import dev.starlight.codecs.image.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small training set made in code: photo-like PNG, WebP and GIF covers, split three ways, with every kind of stego. */
public final class TinyTrainingSet {
    private TinyTrainingSet() {
    }

    /** Writes covers and the set under {@code dir}; returns the set's folder. */
    public static Path make(Path dir, int covers, int size) throws IOException {
        Path coverDir = Files.createDirectories(dir.resolve("covers"));
        ImageFormat[] formats = {ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP, ImageFormat.PNG};
        for (int i = 0; i < covers; i++) {
            ImageFormat f = formats[i % formats.length];
            Files.write(coverDir.resolve(String.format("cover-%02d.%s", i, f.label().equals("jpeg") ? "jpg" : f.label())),
                    SyntheticCovers.encoded(f, size, 100 + i));
        }
        byte[] text = "Tiny training set message text, long enough to cut. ".repeat(40).getBytes(StandardCharsets.UTF_8);
        Path set = dir.resolve("set");
        new TrainingSetGenerator(3, 0.25, 0.25, List.of(text)).generate(coverDir, set);
        return set;
    }
}
