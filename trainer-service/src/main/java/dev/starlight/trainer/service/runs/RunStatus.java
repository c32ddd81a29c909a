package dev.starlight.trainer.service.runs;

/** A run's life: QUEUED until the executor takes it, RUNNING, then SUCCEEDED or FAILED. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
