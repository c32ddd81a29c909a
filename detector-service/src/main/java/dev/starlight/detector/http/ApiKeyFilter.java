package dev.starlight.detector.http;

import dev.starlight.detector.config.DetectorConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Optional API-key check on {@code /v1/*} (header {@code X-API-Key}). Keys are configured as SHA-256 digests;
 * the presented key is hashed and compared in constant time against each. Health, metrics and OpenAPI stay open.
 */
public class ApiKeyFilter {
    private final boolean enabled;
    private final List<byte[]> digests;

    public ApiKeyFilter(DetectorConfig config) {
        this.enabled = config.api().authEnabled();
        this.digests = config.api().keySha256().orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> HexFormat.of().parseHex(s.toLowerCase())).toList();
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (!enabled || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return null;
        }
        String key = request.getHeaderString("X-API-Key");
        if (key != null && accepted(key)) {
            return null;
        }
        return Response.status(401).entity(new ErrorBody("UNAUTHORIZED", "missing or unknown X-API-Key")).build();
    }

    private boolean accepted(String key) {
        byte[] presented = sha256(key);
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(d, presented);
        }
        return match;
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
