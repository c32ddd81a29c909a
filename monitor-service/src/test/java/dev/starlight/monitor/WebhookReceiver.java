package dev.starlight.monitor;

import dev.starlight.testsupport.SharedKafkaBrokerResource;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free local port that records every webhook call, started before the app (which gets its
 * URL and secret as configuration) and with the broker under its own topic prefix {@value #PREFIX}.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {
    static final String PREFIX = "hooks";
    static final String SECRET = "test-secret-\u00e9";

    /** One received call. */
    record Call(String event, String signature, byte[] body) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            CALLS.add(new Call(exchange.getRequestHeaders().getFirst("X-Starlight-Event"),
                    exchange.getRequestHeaders().getFirst("X-Starlight-Signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return Map.of("kafka.bootstrap.servers", SharedKafkaBrokerResource.bootstrap(PREFIX),
                "starlight.topic-prefix", PREFIX,
                "starlight.monitor.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "starlight.monitor.webhook.secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
