package dev.starlight.trainer;

import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.trainer.evaluation.ModelMetrics;
import java.nio.file.Path;

/**
 * What a finished run made: the envelope to publish (ONNX bytes with provenance in their metadata), the files
 * written under the run's folder, and the held-out figures.
 *
 * @param envelope             the model as the {@code starlight.models} topic carries it
 * @param onnxFile             {@code <out>/model.onnx}
 * @param cardFile             {@code <out>/MODEL_CARD.md}
 * @param metrics              held-out evaluation (the same evaluator as {@code starlight eval}) and training figures
 */
public record TrainingResult(ModelEnvelope envelope, Path onnxFile, Path cardFile, ModelMetrics metrics) {
}
