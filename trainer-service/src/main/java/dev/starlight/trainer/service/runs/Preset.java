package dev.starlight.trainer.service.runs;

import dev.starlight.trainer.TrainingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The starting configurations a request picks from (see {@link TrainingConfig#tiny} and {@link TrainingConfig#defaults}). */
public enum Preset {
    TINY, DEFAULT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public TrainingConfig config(Path data, Path out) {
        return this == TINY ? TrainingConfig.tiny(data, out) : TrainingConfig.defaults(data, out);
    }

    public static Optional<Preset> parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst();
    }
}
