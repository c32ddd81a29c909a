package dev.starlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Posts every file of a hostile corpus ({@code starlight hostile}) to a running detector's {@code /v1/scan} and
 * tallies what came back: HTTP statuses, verdicts, error codes, connection failures and the slowest answer.
 *
 * <pre>
 * java -cp starlight-bench/target/benchmarks.jar dev.starlight.bench.HostileHttpRun /tmp/hostile http://localhost:18080 [THREADS]
 * </pre>
 * A 429 (queue full) is retried after a second; anything else is counted as it came.
 */
public final class HostileHttpRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private long slowestMs;
    private String slowest;

    private HostileHttpRun(URI uri) {
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HostileHttpRun DIR URL [THREADS]");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> !p.getFileName().toString().equals("manifest.tsv")).sorted().toList();
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        HostileHttpRun run = new HostileHttpRun(URI.create(args[1].replaceAll("/$", "") + "/v1/scan"));
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (Path f : files) {
            done.add(pool.submit(() -> run.post(f)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("files: %d in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
        System.out.println("HTTP statuses: " + run.statuses);
        System.out.println("verdicts and error codes: " + run.outcomes);
        System.out.println("connection failures: " + run.failures.get());
        System.out.printf("slowest: %s in %d ms%n", run.slowest, run.slowestMs);
    }

    private void post(Path file) {
        try {
            byte[] body = Files.readAllBytes(file);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/octet-stream")
                    .header("X-Request-Id", file.getFileName().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response;
            long start;
            do {
                start = System.nanoTime();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429) {
                    Thread.sleep(1000);
                }
            } while (response.statusCode() == 429);
            long ms = (System.nanoTime() - start) / 1_000_000;
            record(file, response.statusCode(), outcome(response.body()), ms);
        } catch (IOException e) {
            failures.incrementAndGet();
            System.err.println(file + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String outcome(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode code = node.path("code"); // every error body has it first, a scan's error result after it
            if (code.isTextual()) {
                return code.asText();
            }
            return node.path("verdict").isTextual() ? node.path("verdict").asText() : "no-code";
        } catch (IOException e) {
            return "no-json";
        }
    }

    private synchronized void record(Path file, int status, String outcome, long ms) {
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        outcomes.merge(outcome, 1, Integer::sum);
        if (ms > slowestMs) {
            slowestMs = ms;
            slowest = file.getFileName().toString();
        }
    }
}
