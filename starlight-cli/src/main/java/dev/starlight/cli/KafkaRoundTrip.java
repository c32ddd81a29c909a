package dev.starlight.cli;

import dev.starlight.codecs.ErrorCode;
import dev.starlight.core.events.Topics;
import dev.starlight.core.scan.ScanResult;
import dev.starlight.core.scan.ScanResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code scan --via-kafka}: produces each file to {@code starlight.scan.requests} (key = a run-unique request id,
 * header {@code source} = the path) and collects the detector's results from {@code starlight.scan.results}.
 * Files without a result within the time limit get a {@code TIMEOUT} error row, so every file still gets one row.
 */
final class KafkaRoundTrip {
    private final String bootstrap;
    private final Properties clientConfig;
    private final Topics topics;
    private final Duration timeout;

    /** {@code clientConfig}: security and other client settings, applied under the ones this class sets. */
    KafkaRoundTrip(String bootstrap, Properties clientConfig, Topics topics, Duration timeout) {
        this.bootstrap = bootstrap;
        this.clientConfig = clientConfig;
        this.topics = topics;
        this.timeout = timeout;
    }

    /** Results in the order of {@code files}; {@code onResult} sees each as it arrives. */
    List<ScanResult> scan(List<Path> files, Consumer<ScanResult> onResult) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> index = new HashMap<>();
        ScanResult[] results = new ScanResult[files.size()];
        int pending = files.size();
        Map<Integer, Exception> notSent = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(run); KafkaProducer<String, byte[]> producer = producer()) {
            consumer.subscribe(List.of(topics.scanResults()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String id = run + "/" + file;
                index.put(id, i);
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    results[i] = ErrorResults.of(file.toString(), null, ErrorResults.IO_ERROR, IoErrors.describe(file, e), 0);
                    onResult.accept(results[i]);
                    pending--;
                    continue;
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.scanRequests(), id, bytes);
                record.headers().add(Topics.HEADER_SOURCE, file.toString().getBytes(StandardCharsets.UTF_8));
                int slot = i;
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        notSent.put(slot, e);
                    }
                });
            }
            producer.flush();
            // a request the broker never got has no result to wait for (a file over the message limit, above all)
            for (Map.Entry<Integer, Exception> e : notSent.entrySet()) {
                int i = e.getKey();
                results[i] = notSentRow(files.get(i), e.getValue());
                onResult.accept(results[i]);
                pending--;
            }
            deadline = System.nanoTime() + timeout.toNanos();
            while (pending > 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Integer i = r.key() == null ? null : index.get(r.key());
                    if (i != null && results[i] == null) {
                        ScanResult result = ScanResultJson.read(r.value());
                        results[i] = result;
                        onResult.accept(result);
                        pending--;
                    }
                }
            }
        }
        List<ScanResult> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            if (results[i] == null) {
                results[i] = ErrorResults.of(files.get(i).toString(), null, ErrorCode.TIMEOUT.name(),
                        "no result on " + topics.scanResults() + " within " + timeout.toSeconds() + " s", timeout.toMillis());
                onResult.accept(results[i]);
            }
            out.add(results[i]);
        }
        return out;
    }

    private ScanResult notSentRow(Path file, Exception e) {
        if (e instanceof RecordTooLargeException) {
            return ErrorResults.of(file.toString(), null, null, ErrorCode.TOO_LARGE.name(), "larger than the "
                    + Topics.MAX_MESSAGE_BYTES + "-byte message limit of " + topics.scanRequests(), 0);
        }
        return ErrorResults.of(file.toString(), null, null, ErrorResults.IO_ERROR,
                "could not be sent to " + topics.scanRequests() + ": " + e, 0);
    }

    /** The properties file of {@code --kafka-config}, or none. */
    static Properties load(Path file) {
        Properties p = new Properties();
        if (file != null) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --kafka-config " + file, e);
            }
        }
        return p;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, String> consumer(String run) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "starlight-cli-" + run);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
