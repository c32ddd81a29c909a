package dev.starlight.trainer.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.starlight.lab.evaluation.EvalReport;
import java.util.Map;

/**
 * The figures of one trained model, as its card, its evaluation event and {@code starlight models compare} show
 * them. Held-out figures come from the same evaluator as {@code starlight eval}, run twice over the run's holdout
 * split: the full scanner with this model ({@code withModel}) and the statistics alone ({@code statisticsOnly}).
 *
 * @param model          model name
 * @param version        model version
 * @param dataSha256     checksum of the training set (file names and bytes of every split)
 * @param training       how training went
 * @param modelAuc       AUC of the model's own score per stego group against the clean holdout images
 * @param withModel      the scanner with this model, holdout split
 * @param statisticsOnly the scanner without a model, same images
 * @param p95LatencyMs   95th percentile of decode + model inference per held-out image, milliseconds
 */
@JsonPropertyOrder({"model", "version", "dataSha256", "training", "modelAuc", "p95LatencyMs", "withModel",
        "statisticsOnly"})
public record ModelMetrics(String model, String version, String dataSha256, Training training,
                           Map<String, Double> modelAuc, double p95LatencyMs, EvalReport withModel,
                           EvalReport statisticsOnly) {

    /**
     * @param images         training images
     * @param tiles          training tiles
     * @param steps          optimiser steps
     * @param seconds        wall time of the training loop
     * @param tilesPerSecond training throughput
     * @param finalLoss      mean loss over the last epoch
     * @param threshold      the stego logit at the operating point, folded into the exported bias
     * @param validationFpr  false-positive rate of the exported model on the validation clean images
     * @param validationTpr  its detection rate on the validation stego images
     * @param parity         largest absolute difference between the DJL network and the ONNX model, any output
     */
    @JsonPropertyOrder({"images", "tiles", "steps", "seconds", "tilesPerSecond", "finalLoss", "threshold",
            "validationFpr", "validationTpr", "parity"})
    public record Training(int images, int tiles, int steps, double seconds, double tilesPerSecond,
                           double finalLoss, double threshold, double validationFpr, double validationTpr,
                           double parity) {
    }
}
