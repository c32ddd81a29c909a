package dev.starlight.detector.http;

import dev.starlight.core.http.ErrorBody;
import dev.starlight.core.scan.ScanResult;
import jakarta.ws.rs.core.Response;

/** Maps a result to its HTTP answer: bad input is the client's fault (4xx), never a 500. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    /** 200 and the result for a verdict; else the error's status and an {@link ErrorBody} that carries the result. */
    static Response of(ScanResult result) {
        if (result.error() == null) {
            return Response.ok(result).build();
        }
        return Response.status(ErrorBody.statusOf(result.error().code()))
                .entity(new ErrorBody(result.error().code(), result.error().message(), result)).build();
    }

    static Response rateLimited(long retryAfterSeconds) {
        return Response.status(429).header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(new ErrorBody("RATE_LIMITED", "request rate above this key's limit; retry after "
                        + retryAfterSeconds + " s")).build();
    }

    static Response deepBusy() {
        return Response.status(429).header("Retry-After", "60")
                .entity(new ErrorBody("DEEP_BUSY", "every deep check is taken; retry in a minute")).build();
    }

    static Response queueFull() {
        return Response.status(429).header("Retry-After", "1")
                .entity(new ErrorBody("QUEUE_FULL", "too many scans in progress; retry shortly")).build();
    }
}
