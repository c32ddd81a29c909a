package dev.starlight.detector.kafka;

import dev.starlight.core.events.Delivery;
import dev.starlight.core.events.RequestIds;
import dev.starlight.core.events.ScanBatchMetrics;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import dev.starlight.detector.scan.ScanMetrics;
import dev.starlight.detector.scan.ScanService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Consumes {@code starlight.scan.requests} in bounded micro-batches (one poll, at most {@code max.poll.records}),
 * scans the batch across the worker threads, publishes exactly one {@code ScanResult} per record to
 * {@code starlight.scan.results} (key = request id, {@code traceparent} carried over), and acknowledges the batch
 * only when every result is written: at-least-once. A record whose result cannot be written goes to
 * {@code starlight.scan.dlq} with its original bytes and the reason in headers.
 */
@ApplicationScoped
public class ScanRequestProcessor {
    private static final Logger LOG = Logger.getLogger(ScanRequestProcessor.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ScanService scans;
    private final ScanMetrics metrics;
    private final Emitter<String> results;
    private final Emitter<byte[]> dlq;
    private final Emitter<String> metricEvents;
    private final String service = "detector-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    public ScanRequestProcessor(ScanService scans, ScanMetrics metrics,
                                @Channel(Channels.SCAN_RESULTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> results,
                                @Channel(Channels.SCAN_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) Emitter<byte[]> dlq,
                                @Channel(Channels.METRICS) @OnOverflow(value = OnOverflow.Strategy.DROP) Emitter<String> metricEvents) {
        this.scans = scans;
        this.metrics = metrics;
        this.results = results;
        this.dlq = dlq;
        this.metricEvents = metricEvents;
    }

    @Incoming(Channels.SCAN_REQUESTS)
    public CompletionStage<Void> process(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        metrics.batch(records.size());
        List<CompletableFuture<Void>> written = new ArrayList<>(records.size());
        ScanResult[] results = new ScanResult[records.size()];
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, byte[]> record = records.get(i);
            int slot = i;
            ScanRequest request = new ScanRequest(requestId(record), header(record, Topics.HEADER_SOURCE),
                    record.getPayload());
            written.add(scans.submit(request, true, "kafka")
                    .thenCompose(result -> {
                        results[slot] = result;
                        return publish(record, result);
                    })
                    .exceptionallyCompose(failure -> deadLetter(record, failure)));
        }
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new))
                .thenRun(() -> publishMetrics(results))
                .thenCompose(v -> batch.ack());
    }

    /** A compact summary of the batch for the monitor; best effort (dropped, never blocking, if the buffer is full). */
    private void publishMetrics(ScanResult[] results) {
        try {
            ScanBatchMetrics event = BatchSummary.of(service, results);
            Message<String> message = Message.of(JSON.writeValueAsString(event)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey("detector/" + event.modelVersion()).build());
            metricEvents.send(message);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.debugf(e, "metric event not sent");
        }
    }

    /** The record's key, or one derived from where it sits in the log (stable across redelivery). */
    static String requestId(KafkaRecord<String, byte[]> record) {
        return RequestIds.of(record.getKey(), record.getTopic(), record.getPartition(), offset(record));
    }

    private CompletableFuture<Void> publish(KafkaRecord<String, byte[]> request, ScanResult result) {
        RecordHeaders headers = new RecordHeaders();
        String traceparent = header(request, Topics.HEADER_TRACEPARENT);
        if (traceparent != null) {
            headers.add(Topics.HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("verdict", result.verdict().label().getBytes(StandardCharsets.UTF_8));
        return send(results, ScanResultJson.write(result), result.requestId(), headers);
    }

    private CompletableFuture<Void> deadLetter(KafkaRecord<String, byte[]> request, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        LOG.errorf(cause, "no result could be written for %s; sending it to the DLQ", requestId(request));
        RecordHeaders headers = new RecordHeaders();
        for (Header h : request.getHeaders()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-cause", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", request.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(request.getPartition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(offset(request)).getBytes(StandardCharsets.UTF_8));
        return send(dlq, request.getPayload() == null ? new byte[0] : request.getPayload(), requestId(request), headers);
    }

    private static <T> CompletableFuture<Void> send(Emitter<T> emitter, T payload, String key, RecordHeaders headers) {
        Delivery delivery = new Delivery();
        Message<T> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                .withAck(delivery::acked)
                .withNack(delivery::refused);
        return delivery.send(() -> emitter.send(message));
    }

    private static long offset(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    private static String header(KafkaRecord<String, byte[]> record, String name) {
        Header h = record.getHeaders().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
