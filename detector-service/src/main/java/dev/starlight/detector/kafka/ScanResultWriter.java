package dev.starlight.detector.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.core.events.Delivery;
import dev.starlight.core.events.ScanBatchMetrics;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Everything the scan pipeline writes: one result per request to {@code starlight.scan.results} (key = request id,
 * {@code traceparent} carried over, a {@code verdict} header, {@code starlight-path: kafka}; HTTP answers go there
 * too with {@code starlight-path: http}), the original bytes to {@code starlight.scan.dlq} with
 * the reason in headers when even that fails, and one {@link ScanBatchMetrics} per micro-batch to
 * {@code starlight.metrics} (best effort). The futures complete when the broker has the record.
 */
@ApplicationScoped
public class ScanResultWriter {
    private static final Logger LOG = Logger.getLogger(ScanResultWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emitter<String> results;
    private final Emitter<byte[]> dlq;
    private final Emitter<String> metricEvents;
    private final String service = "detector-" + UUID.randomUUID().toString().substring(0, 8);

    public ScanResultWriter(
            @Channel(Channels.SCAN_RESULTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<String> results,
            @Channel(Channels.SCAN_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<byte[]> dlq,
            @Channel(Channels.METRICS) @OnOverflow(value = OnOverflow.Strategy.DROP) Emitter<String> metricEvents) {
        this.results = results;
        this.dlq = dlq;
        this.metricEvents = metricEvents;
    }

    /** The result of {@code request}. */
    CompletableFuture<Void> result(KafkaRecord<String, byte[]> request, ScanResult result) {
        RecordHeaders headers = new RecordHeaders();
        String traceparent = ScanRequestRecords.header(request, Topics.HEADER_TRACEPARENT);
        if (traceparent != null) {
            headers.add(Topics.HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("verdict", result.verdict().label().getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_PATH, Topics.PATH_KAFKA.getBytes(StandardCharsets.UTF_8));
        return send(results, ScanResultJson.write(result), result.requestId(), headers);
    }

    /** A result answered over HTTP (see {@link HttpResultPublisher}); header {@code starlight-path: http}. */
    CompletableFuture<Void> httpResult(ScanResult result) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("verdict", result.verdict().label().getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_PATH, Topics.PATH_HTTP.getBytes(StandardCharsets.UTF_8));
        return send(results, ScanResultJson.write(result), result.requestId(), headers);
    }

    /** {@code request} as it came, for a record whose result could not be written. */
    CompletableFuture<Void> deadLetter(KafkaRecord<String, byte[]> request, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String id = ScanRequestRecords.requestId(request);
        LOG.errorf(cause, "no result could be written for %s; sending it to the DLQ", id);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : request.getHeaders()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-cause", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", request.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(request.getPartition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset",
                String.valueOf(ScanRequestRecords.offset(request)).getBytes(StandardCharsets.UTF_8));
        return send(dlq, request.getPayload() == null ? new byte[0] : request.getPayload(), id, headers);
    }

    /** A compact summary of a batch for the monitor; dropped, never blocking, if the buffer is full. */
    void batchMetrics(ScanResult[] batch) {
        try {
            ScanBatchMetrics event = BatchSummary.of(service, batch);
            metricEvents.send(Message.of(JSON.writeValueAsString(event)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey("detector/" + event.modelVersion()).build()));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf(e, "metric event not sent");
        }
    }

    private static <T> CompletableFuture<Void> send(Emitter<T> emitter, T payload, String key, RecordHeaders headers) {
        Delivery delivery = new Delivery();
        Message<T> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                .withAck(delivery::acked)
                .withNack(delivery::refused);
        return delivery.send(() -> emitter.send(message));
    }
}
