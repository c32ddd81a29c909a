package dev.starlight.monitor.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.starlight.monitor.config.MonitorConfig;
import dev.starlight.monitor.ingest.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * POSTs each alert change as JSON to the configured webhook, signed with HMAC-SHA256 over the exact body:
 * {@code X-Starlight-Signature: sha256=<hex>}; {@code X-Starlight-Event} says {@code alert.firing} or
 * {@code alert.resolved}. Sent asynchronously; a failed delivery is logged and counted, never retried.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String SIGNATURE_HEADER = "X-Starlight-Signature";
    public static final String EVENT_HEADER = "X-Starlight-Event";

    private final Optional<URI> url;
    private final Optional<String> secret;
    private final MonitorConfig.Webhook config;
    private final MeterRegistry registry;
    private final HttpClient client;

    public WebhookSender(MonitorConfig config, MeterRegistry registry) {
        this.config = config.webhook();
        this.url = this.config.url().filter(u -> !u.isBlank()).map(URI::create);
        this.secret = this.config.secret().filter(s -> !s.isBlank());
        this.registry = registry;
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public void send(Alert alert) {
        if (url.isEmpty()) {
            return;
        }
        byte[] body;
        try {
            body = EventJson.JSON.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "alert %s not serialisable", alert.id());
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url.get()).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, "alert." + alert.state().name().toLowerCase(java.util.Locale.ROOT))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(s -> request.header(SIGNATURE_HEADER, "sha256=" + sign(s, body)));
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            String outcome = error != null ? "failed" : response.statusCode() / 100 == 2 ? "delivered" : "refused";
            registry.counter("starlight.monitor.webhook.deliveries", "outcome", outcome).increment();
            if (error != null || response.statusCode() / 100 != 2) {
                LOG.warnf("webhook for alert %s %s: %s", alert.id(), outcome,
                        error != null ? error.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
