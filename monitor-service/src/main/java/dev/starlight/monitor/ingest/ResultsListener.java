package dev.starlight.monitor.ingest;

import dev.starlight.core.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code starlight.scan.results} (JSON {@code ScanResult}, key = request id, header {@code starlight-path}:
 * the path the request came by, Kafka or HTTP) from the earliest retained offset, in batches: canary results go to {@link CanaryTally}, every other result to the windows and drift state,
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
            Header path = r.headers().lastHeader(Topics.HEADER_PATH);
            ingest.accept(r.topic(), r.value(), path == null ? null : new String(path.value(), StandardCharsets.UTF_8),
                    r.timestamp(), now);
            replay.consumed(r.topic(), r.partition(), r.offset());
        }
    }
}
