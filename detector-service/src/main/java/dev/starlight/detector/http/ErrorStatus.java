package dev.starlight.detector.http;

import dev.starlight.core.scan.ScanResult;
import jakarta.ws.rs.core.Response;

/** Maps a result to its HTTP status: bad input is the client's fault (4xx), never a 500. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static int of(ScanResult result) {
        if (result.error() == null) {
            return 200;
        }
        return switch (result.error().code()) {
            case "UNSUPPORTED_FORMAT" -> 415;
            case "TOO_LARGE", "DECOMPRESSION_BOMB" -> 413;
            case "TIMEOUT" -> 503;
            case "INTERNAL" -> 500;
            default -> 422; // EMPTY_INPUT, TRUNCATED, MALFORMED, UNSUPPORTED_FEATURE, ...
        };
    }

    static Response queueFull() {
        return Response.status(429).header("Retry-After", "1")
                .entity(new ErrorBody("QUEUE_FULL", "too many scans in progress; retry shortly")).build();
    }
}
