package dev.starlight.detector.kafka;

import dev.starlight.core.events.RequestIds;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/** What the detector reads off a {@code starlight.scan.requests} record besides its bytes. */
final class ScanRequestRecords {
    private ScanRequestRecords() {
    }

    /** The record's key, or one derived from where it sits in the log (stable across redelivery). */
    static String requestId(KafkaRecord<String, byte[]> record) {
        return RequestIds.of(record.getKey(), record.getTopic(), record.getPartition(), offset(record));
    }

    static long offset(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    /** The last value of header {@code name} as UTF-8, or null. */
    static String header(KafkaRecord<String, byte[]> record, String name) {
        Header h = record.getHeaders().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
