package dev.starlight.bench;

import dev.starlight.lab.dataset.SyntheticCovers;
import dev.starlight.core.events.Topics;
import dev.starlight.codecs.image.ImageFormat;
import dev.starlight.core.model.LsbMeanModel;
import dev.starlight.core.model.ModelEnvelope;
import dev.starlight.core.protocol.EmbedOptions;
import dev.starlight.core.protocol.Method;
import dev.starlight.core.protocol.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load against a running detector service (loopback only).
 *
 * <pre>
 * java -cp starlight-bench/target/benchmarks.jar dev.starlight.bench.LoadBench kafka localhost:9092 5000
 * java -cp starlight-bench/target/benchmarks.jar dev.starlight.bench.LoadBench http http://localhost:8080 5000 50
 * java -cp starlight-bench/target/benchmarks.jar dev.starlight.bench.LoadBench swaps localhost:9092 100
 * </pre>
 * {@code swaps} publishes COUNT model envelopes ({@link LsbMeanModel}, versions swap-1..N) to the models topic,
 * 200 ms apart, for watching the detector's heap and RSS across model loads.
 *
 * Inputs: 256×256 PNGs drawn in code, 16 distinct images (a quarter carrying an lsb.rgb message), each request
 * made unique by 16 random bytes after the image's end so the content cache cannot answer.
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LoadBench kafka BOOTSTRAP COUNT | http BASE_URL COUNT CLIENTS | swaps BOOTSTRAP COUNT");
            System.exit(2);
        }
        if (args[0].equals("swaps")) {
            swaps(args[1], Integer.parseInt(args[2]));
            return;
        }
        List<byte[]> images = images();
        int count = Integer.parseInt(args[2]);
        if (args[0].equals("kafka")) {
            kafka(args[1], count, images);
        } else {
            http(args[1], count, args.length > 3 ? Integer.parseInt(args[3]) : 50, images);
        }
    }

    static List<byte[]> images() {
        List<byte[]> out = new ArrayList<>();
        byte[] msg = "load test message hidden in the least significant bits".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 16; i++) {
            byte[] png = SyntheticCovers.encoded(ImageFormat.PNG, 256, i);
            out.add(i % 4 == 0 ? Protocol.embed(png, Method.LSB_RGB, msg, EmbedOptions.DEFAULT) : png);
        }
        return out;
    }

    /**
     * A distinct file per request: the image plus 16 random bytes after its end, so the content cache cannot
     * answer (binary, so the raw extractor reports weak evidence and no message).
     */
    static byte[] unique(byte[] image) {
        byte[] out = Arrays.copyOf(image, image.length + 16);
        byte[] id = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(id);
        System.arraycopy(id, 0, out, image.length, 16);
        return out;
    }

    static void kafka(String bootstrap, int count, List<byte[]> images) throws Exception {
        Topics topics = Topics.DEFAULT;
        String run = UUID.randomUUID().toString().substring(0, 8);
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "loadbench-" + run);
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(topics.scanResults()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            // resolve the end offsets now, before producing, so no result can fall before our start position
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            List<byte[]> bodies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                bodies.add(unique(images.get(i % images.size())));
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topics.scanRequests(), run + "-" + i, bodies.get(i)));
            }
            producer.flush();
            double produced = (System.nanoTime() - start) / 1e9;
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().startsWith(run + "-")) {
                        seen.add(r.key());
                    }
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("kafka: %d requests (256x256 PNG), produced in %.1f s, %d results in %.1f s: %.0f images/s; lost %d%n",
                    count, produced, seen.size(), seconds, seen.size() / seconds, count - seen.size());
        }
    }

    static void swaps(String bootstrap, int count) throws Exception {
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= count; i++) {
                String version = "swap-" + i;
                byte[] onnx = LsbMeanModel.onnx("lsb-mean", version, 1f, -10f + i * 1e-3f);
                byte[] envelope = ModelEnvelope.of("lsb-mean", version, java.time.Instant.now(), java.util.Map.of(), onnx)
                        .toBytes();
                producer.send(new ProducerRecord<>(Topics.DEFAULT.models(), "lsb-mean", envelope)).get();
                Thread.sleep(200);
            }
        }
        System.out.printf("swaps: published %d model envelopes (last version swap-%d)%n", count, count);
    }

    static void http(String base, int count, int clients, List<byte[]> images) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger non200 = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/v1/scan"))
                            .header("Content-Type", "image/png")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(unique(images.get(i % images.size())))).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() != 200) {
                            non200.incrementAndGet();
                        }
                    } catch (Exception e) {
                        non200.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("http: %d requests (256x256 PNG), %d clients, %.1f s, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, non-200 %d%n",
                count, clients, seconds, count / seconds, pct(latencies, 0.50), pct(latencies, 0.95), pct(latencies, 0.99),
                non200.get());
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
