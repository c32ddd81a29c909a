package dev.starlight.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starlight.core.events.ModelEvaluationEvent;
import dev.starlight.core.events.ScanBatchMetrics;
import dev.starlight.core.events.TrainingProgressEvent;
import dev.starlight.monitor.regression.DecisionLog;
import dev.starlight.monitor.regression.ModelDecisions;
import dev.starlight.monitor.window.DetectorReports;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code starlight.metrics} from the earliest retained offset: {@code scan-batch} events to
 * {@link DetectorReports}, {@code model.evaluation} events to the regression gate (after the decisions topic is
 * restored), {@code training.progress} counted; other types and garbage are counted and skipped.
 */
@ApplicationScoped
public class MetricsListener {
    private final DetectorReports detectors;
    private final ModelDecisions decisions;
    private final DecisionLog decisionLog;
    private final IngestCounters counters;
    private final HistoryReplay replay;

    public MetricsListener(DetectorReports detectors, ModelDecisions decisions, DecisionLog decisionLog,
                           IngestCounters counters, HistoryReplay replay) {
        this.replay = replay;
        this.detectors = detectors;
        this.decisions = decisions;
        this.decisionLog = decisionLog;
        this.counters = counters;
    }

    @Incoming(Channels.METRICS)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            accept(r.topic(), r.value(), r.timestamp());
            replay.consumed(r.topic(), r.partition(), r.offset());
        }
    }

    void accept(String topic, byte[] value, long timestampMs) {
        JsonNode node = EventJson.tree(value).orElse(null);
        String type = node == null ? null : node.path("type").asText(null);
        if (node == null || type == null) {
            counters.count(topic, "garbage");
            return;
        }
        switch (type) {
            case ScanBatchMetrics.TYPE -> EventJson.scanBatch(node).ifPresentOrElse(m -> {
                counters.count(topic, ScanBatchMetrics.TYPE);
                detectors.record(m, timestampMs);
            }, () -> counters.count(topic, "garbage"));
            case ModelEvaluationEvent.TYPE -> EventJson.evaluation(node).ifPresentOrElse(e -> {
                counters.count(topic, ModelEvaluationEvent.TYPE);
                decisionLog.awaitReady();
                decisions.onEvaluation(e, System.currentTimeMillis());
            }, () -> counters.count(topic, "garbage"));
            case TrainingProgressEvent.TYPE -> counters.count(topic, TrainingProgressEvent.TYPE);
            default -> counters.count(topic, "unknown");
        }
    }
}
