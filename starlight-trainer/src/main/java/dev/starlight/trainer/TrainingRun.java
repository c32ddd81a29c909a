package dev.starlight.trainer;

/**
 * One training run, end to end: load the training set, train the multi-stream network, set its operating point on
 * the validation split, export it to ONNX (checked against the trained network), evaluate it on the holdout split
 * and write its card.
 */
public final class TrainingRun {
    private TrainingRun() {
    }

    public static TrainingResult run(TrainingConfig config, TrainingListener listener) {
        throw new UnsupportedOperationException("not built yet");
    }
}
