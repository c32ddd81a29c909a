package dev.starlight.detector.http;

import dev.starlight.core.scan.ScanResult;
import jakarta.ws.rs.core.Response;

/** Maps a result to its HTTP status: bad input is the client's fault (4xx), never a 500. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static int of(ScanResult result) {
        return result.error() == null ? 200 : of(result.error().code());
    }

    /** The status for a stable error code (the {@code ErrorCode} name). */
    static int of(String code) {
        return switch (code) {
            case "UNSUPPORTED_FORMAT" -> 415;
            case "TOO_LARGE", "DECOMPRESSION_BOMB" -> 413;
            case "TIMEOUT" -> 503;
            case "INTERNAL" -> 500;
            default -> 422; // EMPTY_INPUT, TRUNCATED, MALFORMED, UNSUPPORTED_FEATURE, ...
        };
    }

    static Response rateLimited(long retryAfterSeconds) {
        return Response.status(429).header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(new ErrorBody("RATE_LIMITED", "request rate above this key's limit; retry after "
                        + retryAfterSeconds + " s")).build();
    }

    static Response queueFull() {
        return Response.status(429).header("Retry-After", "1")
                .entity(new ErrorBody("QUEUE_FULL", "too many scans in progress; retry shortly")).build();
    }
}
