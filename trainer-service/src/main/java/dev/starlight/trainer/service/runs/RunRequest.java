package dev.starlight.trainer.service.runs;

import java.util.List;

/**
 * The body of {@code POST /v1/training/runs}. Only {@code data} is required; the rest override the preset.
 *
 * @param preset  {@code tiny} or {@code default} (the default)
 * @param data    path, on the service's machine, of a training set ({@code train/}, {@code validation/},
 *                {@code holdout/})
 * @param epochs  passes over the training tiles
 * @param triplet whether the triplet term is in the loss
 * @param streams input streams the network gets (a subset of the core's stream names)
 * @param name    model name (the {@code starlight.models} key)
 * @param version model version; absent: {@code <name>-<yyyyMMdd-HHmmss>}
 * @param publish whether the model and its evaluation go to Kafka (default true)
 */
public record RunRequest(String preset, String data, Integer epochs, Boolean triplet, List<String> streams,
                         String name, String version, Boolean publish) {
}
