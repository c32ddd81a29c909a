package dev.starlight.trainer.publish;

import dev.starlight.core.events.TrainingProgressEvent;
import dev.starlight.trainer.TrainingProgress;

/** The {@link TrainingProgressEvent} of a run's progress report. */
public final class ProgressEvents {
    private ProgressEvents() {
    }

    /** A NaN loss (no step yet) becomes null, so the JSON stays plain numbers. */
    public static TrainingProgressEvent of(String run, String model, TrainingProgress progress, long timestampMs) {
        Double loss = Double.isFinite(progress.loss()) ? progress.loss() : null;
        return new TrainingProgressEvent(TrainingProgressEvent.TYPE, run, model, progress.phase().name(),
                progress.step(), progress.totalSteps(), loss, progress.tilesPerSecond(), progress.message(),
                timestampMs);
    }
}
