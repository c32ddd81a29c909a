package dev.starlight.trainer;

/**
 * Where a run stands.
 *
 * @param phase         what it is doing
 * @param step          optimiser steps done
 * @param totalSteps    steps the run will take (0 until known)
 * @param loss          mean loss over the last steps (NaN before the first)
 * @param tilesPerSecond training throughput so far
 * @param message       one human-readable line
 */
public record TrainingProgress(Phase phase, int step, int totalSteps, double loss, double tilesPerSecond,
                               String message) {

    public enum Phase { LOADING, TRAINING, CALIBRATING, EXPORTING, EVALUATING, DONE, FAILED }

    public static TrainingProgress of(Phase phase, String message) {
        return new TrainingProgress(phase, 0, 0, Double.NaN, 0, message);
    }
}
