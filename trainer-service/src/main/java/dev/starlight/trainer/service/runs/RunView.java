package dev.starlight.trainer.service.runs;

import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.trainer.TrainingConfig;
import dev.starlight.trainer.TrainingProgress;
import dev.starlight.trainer.evaluation.ModelMetrics;
import java.time.Instant;
import java.util.Map;

/**
 * A run as {@code GET /v1/training/runs/{id}} shows it.
 *
 * @param id          the run's id
 * @param status      QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param preset      the preset its config started from
 * @param publish     whether the model goes to Kafka when made
 * @param config      the full training config
 * @param submittedAt when the request came
 * @param startedAt   when the executor took it (null while queued)
 * @param finishedAt  when it ended (null before)
 * @param progress    the latest progress report (null before the first)
 * @param model       the model made (null until trained)
 * @param metrics     its figures (null until trained)
 * @param error       why it failed (null unless FAILED)
 */
public record RunView(String id, RunStatus status, String preset, boolean publish, TrainingConfig config,
                      Instant submittedAt, Instant startedAt, Instant finishedAt, TrainingProgress progress,
                      ModelView model, MetricsView metrics, RunError error) {

    /**
     * @param name      model name (the {@code starlight.models} key)
     * @param version   model version
     * @param sha256    SHA-256 of the ONNX bytes, as in the envelope
     * @param onnxBytes size of the ONNX model
     * @param createdAt when the model was made
     * @param folder    the run's folder: {@code model.onnx}, {@code MODEL_CARD.md}, reports
     * @param published whether Kafka acknowledged the envelope and the evaluation
     */
    public record ModelView(String name, String version, String sha256, int onnxBytes, Instant createdAt,
                            String folder, boolean published) {
    }

    /**
     * @param training   how training went
     * @param modelAuc   the model's own AUC per stego group on the holdout split
     * @param evaluation the held-out summary, exactly as published to {@code starlight.metrics}
     */
    public record MetricsView(ModelMetrics.Training training, Map<String, Double> modelAuc,
                              ModelEvaluationEvent evaluation) {
    }

    public record RunError(ErrorCode code, String message) {
    }
}
