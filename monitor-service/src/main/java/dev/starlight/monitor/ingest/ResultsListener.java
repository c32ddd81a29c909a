package dev.starlight.monitor.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code starlight.scan.results} (JSON {@code ScanResult}, key = request id) from the earliest retained
 * offset, in batches: canary results go to {@link CanaryTally}, every other result to the windows and drift state,
 * at its record timestamp. Undecodable records are counted as garbage and skipped.
 */
@ApplicationScoped
public class ResultsListener {
    private final ResultIngest ingest;
    private final HistoryReplay replay;

    public ResultsListener(ResultIngest ingest, HistoryReplay replay) {
        this.ingest = ingest;
        this.replay = replay;
    }

    @Incoming(Channels.RESULTS)
    public void consume(ConsumerRecords<String, byte[]> records) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> r : records) {
            ingest.accept(r.topic(), r.value(), r.timestamp(), now);
            replay.consumed(r.topic(), r.partition(), r.offset());
        }
    }
}
