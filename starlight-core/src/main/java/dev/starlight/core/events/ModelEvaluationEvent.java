package dev.starlight.core.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A model's measured quality, published by the trainer to {@code starlight.metrics} (key: model name) when a run
 * finishes; the monitor keeps it as the model's baseline and compares candidates with it.
 *
 * @param type         always {@value #TYPE}
 * @param model        model name
 * @param version      model version
 * @param timestamp    epoch milliseconds of the evaluation
 * @param dataSha256   checksum of the data it was evaluated on
 * @param images       held-out images scanned
 * @param fprByFormat  false-positive rate on the clean held-out covers per format, plus {@code all}
 * @param tprByGroup   detection rate per stego group (method, with bit order or payload rate), all formats
 * @param aucByGroup   AUC per stego group, all formats
 * @param auc          AUC over every (stego image, clean cover) pair of the same format
 * @param p95LatencyMs 95th percentile scan latency during the evaluation, milliseconds
 */
@JsonPropertyOrder({"type", "model", "version", "timestamp", "dataSha256", "images", "fprByFormat", "tprByGroup",
        "aucByGroup", "auc", "p95LatencyMs"})
public record ModelEvaluationEvent(String type, String model, String version, long timestamp, String dataSha256,
                                   int images, Map<String, Double> fprByFormat, Map<String, Double> tprByGroup,
                                   Map<String, Double> aucByGroup, double auc, double p95LatencyMs) {
    public static final String TYPE = "model.evaluation";
}
