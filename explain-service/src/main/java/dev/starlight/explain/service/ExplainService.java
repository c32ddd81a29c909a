package dev.starlight.explain.service;

import dev.starlight.core.explain.Explainer;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.HeatmapPng;
import dev.starlight.codecs.image.ImageCodecs;
import dev.starlight.core.model.ModelInfo;
import dev.starlight.core.model.OnnxModel;
import dev.starlight.explain.config.ExplainConfig;
import dev.starlight.explain.model.ExplainModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The one explain path of HTTP and Kafka: the current model's explainer, and the recent explanations by id. */
@ApplicationScoped
public class ExplainService {
    private final ExplainModels models;
    private final RecentExplanations recent;
    private final ExplainMetrics metrics;

    public ExplainService(ExplainModels models, ExplainConfig config, ExplainMetrics metrics) {
        this.models = models;
        this.metrics = metrics;
        this.recent = new RecentExplanations(config.recentEntries());
    }

    /** Explains one image; {@code path} ({@code http} or {@code kafka}) only labels the metrics. */
    public Explanation explain(String path, String requestId, byte[] image) {
        long start = System.nanoTime();
        byte[] data = image == null ? new byte[0] : image;
        Explainer explainer = models.current();
        Explanation explanation = explainer.explain(requestId, data);
        if (explanation.error() != null && explainer != models.current()) {
            explanation = models.current().explain(requestId, data); // the model was swapped (and closed) meanwhile
        }
        recent.put(requestId, new RecentExplanations.Entry(explanation, data));
        metrics.explained(path, explanation, System.nanoTime() - start);
        return explanation;
    }

    public Optional<Explanation> recent(String requestId) {
        return recent.get(requestId).map(RecentExplanations.Entry::explanation);
    }

    /** The heatmap of a recent explanation; empty when the id is unknown or its image could not be read. */
    public Optional<byte[]> heatmap(String requestId) {
        return recent.get(requestId).filter(e -> e.explanation().saliency() != null)
                .map(e -> HeatmapPng.render(ImageCodecs.decode(e.image(), models.options().limits()),
                        e.explanation().saliency()));
    }

    /** The model explanations are made with, or empty while the evidence explains alone. */
    public Optional<ModelInfo> model() {
        return Optional.ofNullable(models.current().model()).map(OnnxModel::info);
    }
}
