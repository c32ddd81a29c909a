package dev.starlight.trainer;

/** Told what a run is doing; called on the training thread, so keep it quick. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = p -> { };

    void progress(TrainingProgress progress);
}
