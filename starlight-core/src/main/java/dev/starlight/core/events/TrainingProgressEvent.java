package dev.starlight.core.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a training run stands, published by the trainer service to {@code starlight.metrics} (key: model name) at
 * most once a second while the run lasts, and once more when it ends.
 *
 * @param type           always {@value #TYPE}
 * @param run            the run's id in the trainer service
 * @param model          the name of the model being trained
 * @param phase          LOADING, TRAINING, CALIBRATING, EXPORTING, EVALUATING, DONE or FAILED
 * @param step           optimiser steps done
 * @param totalSteps     steps the run will take (0 until known)
 * @param loss           mean loss over the last steps; null before the first step
 * @param tilesPerSecond training throughput so far
 * @param message        one human-readable line
 * @param timestamp      epoch milliseconds when the run reported this
 */
@JsonPropertyOrder({"type", "run", "model", "phase", "step", "totalSteps", "loss", "tilesPerSecond", "message",
        "timestamp"})
public record TrainingProgressEvent(String type, String run, String model, String phase, int step, int totalSteps,
                                    Double loss, double tilesPerSecond, String message, long timestamp) {
    public static final String TYPE = "training.progress";
}
