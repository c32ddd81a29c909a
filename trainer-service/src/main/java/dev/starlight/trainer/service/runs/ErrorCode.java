package dev.starlight.trainer.service.runs;

/** The stable codes of the service's errors, in HTTP error bodies and in a failed run's {@code error}. */
public enum ErrorCode {
    /** The body is not valid JSON for a run request, or a value is out of range. */
    BAD_REQUEST,
    /** {@code preset} is neither {@code tiny} nor {@code default}. */
    UNKNOWN_PRESET,
    /** A name in {@code streams} is not an input stream of the core. */
    UNKNOWN_STREAM,
    /** {@code data} is not a folder holding {@code train/}, {@code validation/} and {@code holdout/}. */
    DATA_NOT_FOUND,
    /** No run has this id (runs live in memory: a restart forgets them). */
    RUN_NOT_FOUND,
    /** The run has not written a model card (it has not finished, or failed before). */
    CARD_NOT_FOUND,
    /** The training library threw. */
    TRAINING_FAILED,
    /** The model was made but Kafka did not take the envelope or the evaluation in time. */
    PUBLISH_FAILED
}
