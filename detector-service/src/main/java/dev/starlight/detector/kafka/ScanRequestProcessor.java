package dev.starlight.detector.kafka;

import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanRequest;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.detector.scan.ScanMetrics;
import dev.starlight.detector.scan.ScanService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code starlight.scan.requests} in bounded micro-batches (one poll, at most {@code max.poll.records}),
 * scans the batch across the worker threads, has {@link ScanResultWriter} publish exactly one {@code ScanResult} per
 * record to {@code starlight.scan.results} (or the record to {@code starlight.scan.dlq} when no result can be
 * written), and acknowledges the batch only when every record is answered: at-least-once.
 */
@ApplicationScoped
public class ScanRequestProcessor {
    private final ScanService scans;
    private final ScanMetrics metrics;
    private final ScanResultWriter writer;

    public ScanRequestProcessor(ScanService scans, ScanMetrics metrics, ScanResultWriter writer) {
        this.scans = scans;
        this.metrics = metrics;
        this.writer = writer;
    }

    @Incoming(Channels.SCAN_REQUESTS)
    public CompletionStage<Void> process(KafkaRecordBatch<String, byte[]> batch) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        metrics.batch(records.size());
        ScanResult[] results = new ScanResult[records.size()];
        CompletableFuture<?>[] answered = new CompletableFuture<?>[records.size()];
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, byte[]> record = records.get(i);
            int slot = i;
            ScanRequest request = new ScanRequest(ScanRequestRecords.requestId(record),
                    ScanRequestRecords.header(record, Topics.HEADER_SOURCE), record.getPayload());
            answered[i] = scans.submit(request, true, "kafka")
                    .thenCompose(result -> {
                        results[slot] = result;
                        return writer.result(record, result);
                    })
                    .exceptionallyCompose(failure -> writer.deadLetter(record, failure));
        }
        return CompletableFuture.allOf(answered).thenRun(() -> writer.batchMetrics(results))
                .thenCompose(v -> batch.ack());
    }
}
