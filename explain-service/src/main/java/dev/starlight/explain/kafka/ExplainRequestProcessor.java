package dev.starlight.explain.kafka;

import dev.starlight.core.events.RequestIds;
import dev.starlight.core.explain.Explanation;
import dev.starlight.core.explain.ExplanationJson;
import dev.starlight.explain.service.ExplainService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * {@code starlight.explain.requests} (key = request id, value = image bytes) → {@code starlight.explain.results}
 * (key = request id, value = JSON {@code Explanation}): exactly one result per request, an error result for bad
 * bytes. The request is acknowledged when its result is written (at least once).
 */
@ApplicationScoped
public class ExplainRequestProcessor {
    private final ExplainService explanations;

    public ExplainRequestProcessor(ExplainService explanations) {
        this.explanations = explanations;
    }

    @Incoming(Channels.EXPLAIN_REQUESTS)
    @Outgoing(Channels.EXPLAIN_RESULTS)
    @Blocking
    public Message<String> process(Message<byte[]> request) {
        String id = requestId(request);
        Explanation explanation = explanations.explain("kafka", id, request.getPayload());
        return request.withPayload(ExplanationJson.write(explanation))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(id).build());
    }

    /** The record's key, or one derived from where it sits in the log (stable across redelivery). */
    @SuppressWarnings("unchecked")
    static String requestId(Message<byte[]> request) {
        return request.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> RequestIds.of(m.getKey() instanceof String key ? key : null, m.getTopic(), m.getPartition(),
                        m.getOffset()))
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
