package dev.starlight.http;

import dev.starlight.core.http.ErrorBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every 4xx and 5xx of this service as an {@link ErrorBody}, including the ones the HTTP layer gives before a
 * resource runs: a body above {@code quarkus.http.limits.max-body-size} (413, refused from its Content-Length before
 * any of it is read; a chunked one when it grows past the limit), a path nothing serves (404), a method or media type
 * a resource does not take (405, 415), and anything unexpected (500). Every service depends on this module, so each
 * answers its errors the same way; a service with more to say about a refusal (the trainer's malformed JSON) maps
 * {@link WebApplicationException} itself, at the default priority, which wins over {@link #refused}.
 */
@Singleton
public class HttpErrors {
    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    private static final int[] ROUTER_STATUSES = {400, 404, 405, 406, 413, 415, 500};

    private final long maxBodyBytes;

    public HttpErrors(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        String tooLarge = new ErrorBody("TOO_LARGE", "request body above " + maxBodyBytes + " bytes").json();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && above(length, maxBodyBytes)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, 413, tooLarge);
                return;
            }
            if (chunkedNonForm(ctx)) {
                readBounded(ctx, tooLarge);
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
            if (ctx.failure() != null && status == 500) {
                LOG.error("request failed", ctx.failure());
            }
            write(ctx, status, status == 413 ? tooLarge : ErrorBody.forStatus(status).json());
        });
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, ctx -> write(ctx, status, ErrorBody.forStatus(status).json()));
        }
    }

    /** What JAX-RS refuses itself (no such sub-path, method, media type; a body read past the limit). */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response refused(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity()) {
            return r;
        }
        return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.forStatus(r.getStatus())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.forStatus(500)).build();
    }

    private static boolean chunkedNonForm(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return "chunked".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING))
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    /**
     * Reads a chunked body up to the limit before JAX-RS does (it reads the body from the routing context then): past
     * the limit, the answer is the 413 error body rather than the bare 413 JAX-RS would give mid-stream.
     */
    private void readBounded(RoutingContext ctx, String tooLarge) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, 413, tooLarge);
                ctx.request().connection().close();
                return;
            }
            body.appendBuffer(chunk);
        });
        ctx.request().exceptionHandler(e -> refused[0] = true);
        ctx.request().endHandler(v -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        ctx.request().resume();
    }

    static boolean above(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    private static void write(RoutingContext ctx, int status, String json) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
    }
}
