package dev.starlight.detector.http;

import dev.starlight.core.http.ErrorBody;
import dev.starlight.detector.auth.ApiKeys;
import dev.starlight.detector.auth.RateLimiter;
import dev.starlight.detector.config.DetectorConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * API-key check and rate limit on {@code /v1/*}. With auth on, the header {@code X-API-Key} must hold an accepted
 * key ({@link ApiKeys}); the request then draws on that key name's token bucket. With auth off, the bucket is the
 * client address. Health, metrics and OpenAPI stay open and unlimited.
 */
public class ApiKeyFilter {
    private final boolean authEnabled;
    private final ApiKeys keys;
    private final RateLimiter limiter;

    public ApiKeyFilter(DetectorConfig config, ApiKeys keys, RateLimiter limiter) {
        this.authEnabled = config.api().authEnabled();
        this.keys = keys;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return null;
        }
        String keyName = RateLimiter.ANONYMOUS;
        if (authEnabled) {
            String key = request.getHeaderString("X-API-Key");
            Optional<String> name = key == null ? Optional.empty() : keys.nameOf(key);
            if (name.isEmpty()) {
                return Response.status(401).entity(new ErrorBody("UNAUTHORIZED", "missing or unknown X-API-Key"))
                        .build();
            }
            keyName = name.get();
        }
        if (!limiter.enabled()) {
            return null;
        }
        String caller = authEnabled ? keyName : "addr:" + (http.remoteAddress() == null ? "unknown"
                : http.remoteAddress().hostAddress());
        long retryAfter = limiter.take(caller, keyName);
        return retryAfter == 0 ? null : ErrorStatus.rateLimited(retryAfter);
    }
}
