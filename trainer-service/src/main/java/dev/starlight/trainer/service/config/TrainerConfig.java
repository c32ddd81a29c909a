package dev.starlight.trainer.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the trainer service, under {@code starlight.trainer}. Defaults are the documented values. */
@ConfigMapping(prefix = "starlight.trainer")
public interface TrainerConfig {

    /** Where runs write: each run gets {@code <work-dir>/<run-id>/} (model, card, reports). */
    @WithDefault("trainer-runs")
    Path workDir();

    /** PyTorch threads of a run; 0 keeps the preset's own (tiny 1, default 2). */
    @WithDefault("0")
    int threads();

    /** How long a finished run waits for Kafka to acknowledge its model and evaluation before it fails. */
    @WithDefault("60s")
    Duration publishTimeout();

    /**
     * Ed25519 private key (PKCS#8 PEM, from {@code starlight models keygen}) that signs every published model
     * envelope; unset: envelopes are published unsigned (checksummed only).
     */
    Optional<Path> signingKey();
}
