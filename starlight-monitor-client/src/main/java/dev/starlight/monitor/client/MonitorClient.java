package dev.starlight.monitor.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starlight.monitor.client.model.Alert;
import dev.starlight.monitor.client.model.Baseline;
import dev.starlight.monitor.client.model.CanaryPlan;
import dev.starlight.monitor.client.model.CanaryStats;
import dev.starlight.monitor.client.model.DashboardView;
import dev.starlight.monitor.client.model.DetectorInstance;
import dev.starlight.monitor.client.model.DriftCheck;
import dev.starlight.monitor.client.model.ModelDecision;
import dev.starlight.monitor.client.model.SeriesPoint;
import dev.starlight.monitor.client.model.WindowStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed client for the monitor service's HTTP API ({@code /v1/monitoring}, docs/monitoring-api.md). Thread-safe;
 * every call is one blocking HTTP request. An error answer becomes a {@link MonitorApiException} with the monitor's
 * error code; a network failure an {@link UncheckedIOException}.
 */
public final class MonitorClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    /** A client of the monitor at {@code base}, e.g. {@code http://localhost:8082}. */
    public MonitorClient(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
    }

    public MonitorClient(URI base, HttpClient http, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = http;
        this.timeout = timeout;
    }

    /** The monitor's windows. */
    public enum Window {
        ONE_MINUTE("1m"), FIFTEEN_MINUTES("15m"), ONE_HOUR("1h"), ONE_DAY("24h");

        private final String path;

        Window(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** All four windows of all traffic, 1m first. */
    public List<WindowStats> stats() {
        return get("/v1/monitoring/stats", new TypeReference<>() { });
    }

    /** One window of all traffic. */
    public WindowStats stats(Window window) {
        return get("/v1/monitoring/stats/" + window.path(), new TypeReference<>() { });
    }

    /** One window of one model version; empty when the monitor holds no result of it. */
    public Optional<WindowStats> stats(Window window, String modelVersion) {
        try {
            return Optional.of(get("/v1/monitoring/stats/" + window.path() + "?model=" + encode(modelVersion),
                    new TypeReference<WindowStats>() { }));
        } catch (MonitorApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The model versions with results held, least recently seen first. */
    public List<String> modelsWithResults() {
        return get("/v1/monitoring/stats/models", new TypeReference<>() { });
    }

    /** One point per bucket of a window. */
    public List<SeriesPoint> series(Window window) {
        return get("/v1/monitoring/series/" + window.path(), new TypeReference<>() { });
    }

    /** Records read per topic and kind. */
    public Map<String, Map<String, Long>> ingest() {
        return get("/v1/monitoring/ingest", new TypeReference<>() { });
    }

    public List<DetectorInstance> detectors() {
        return get("/v1/monitoring/detectors", new TypeReference<>() { });
    }

    /** Every alert, oldest first. */
    public List<Alert> alerts() {
        return get("/v1/monitoring/alerts", new TypeReference<>() { });
    }

    /** The alerts in one state. */
    public List<Alert> alerts(Alert.State state) {
        return get("/v1/monitoring/alerts?state=" + state.name().toLowerCase(), new TypeReference<>() { });
    }

    /** Acknowledges an alert (id {@code rule:subject}); the acknowledged alert. Unknown id: UNKNOWN_ALERT. */
    public Alert acknowledge(String alertId, String by, String note) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("by", by);
        body.put("note", note);
        return post("/v1/monitoring/alerts/" + encode(alertId) + "/ack", body, new TypeReference<>() { });
    }

    public CanaryStats canary() {
        return get("/v1/monitoring/canary", new TypeReference<>() { });
    }

    public CanaryPlan canaryRate() {
        return get("/v1/monitoring/canary/rate", new TypeReference<>() { });
    }

    public List<DriftCheck> drift() {
        return get("/v1/monitoring/drift", new TypeReference<>() { });
    }

    public List<Baseline> baselines() {
        return get("/v1/monitoring/baselines", new TypeReference<>() { });
    }

    /** Every regression decision, the latest per version. */
    public List<ModelDecision> regressions() {
        return get("/v1/monitoring/regressions", new TypeReference<>() { });
    }

    public List<ModelDecision> regressions(String modelName) {
        return get("/v1/monitoring/regressions/" + encode(modelName), new TypeReference<>() { });
    }

    /** Published models and the champion of each name, as the monitor reports them (a JSON tree). */
    public JsonNode models() {
        return get("/v1/monitoring/models", new TypeReference<>() { });
    }

    /** Operator override: approve (the version becomes champion) or reject it, with a reason. */
    public ModelDecision override(String modelName, String version, boolean approve, String reason) {
        return post("/v1/monitoring/models/" + encode(modelName) + "/" + encode(version) + "/override",
                Map.of("action", approve ? "approve" : "reject", "reason", reason == null ? "" : reason),
                new TypeReference<>() { });
    }

    public DashboardView dashboard() {
        return get("/v1/monitoring/dashboard", new TypeReference<>() { });
    }

    private <T> T get(String path, TypeReference<T> type) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET()
                .header("Accept", "application/json").build(), type);
    }

    private <T> T post(String path, Object body, TypeReference<T> type) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T send(HttpRequest request, TypeReference<T> type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer of " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    private static MonitorApiException error(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("code")) {
                return new MonitorApiException(response.statusCode(), node.get("code").asText(),
                        node.path("message").asText(""));
            }
        } catch (IOException notJson) {
            // fall through: the body is not an error body
        }
        return new MonitorApiException(response.statusCode(), "HTTP_" + response.statusCode(),
                body.length() > 200 ? body.substring(0, 200) : body);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
