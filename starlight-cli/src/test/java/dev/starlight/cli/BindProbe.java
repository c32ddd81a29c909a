package dev.starlight.cli;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/**
 * A stand-in service process for {@link PlatformLauncherTest}: listens where a Quarkus service would
 * ({@code quarkus.http.host}, default 0.0.0.0 as in Quarkus; {@code quarkus.http.port}), answers its readiness check,
 * and prints the address it bound to ({@code *} for every interface).
 */
public final class BindProbe {
    private BindProbe() {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("quarkus.http.host", "0.0.0.0");
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        var bound = server.getAddress().getAddress();
        System.out.println("listening on " + (bound.isAnyLocalAddress() ? "*" : bound.getHostAddress()) + ":" + port);
        System.out.flush();
    }
}
