package dev.starlight.core.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The body of every HTTP 4xx and 5xx of every Starlight service: a stable {@code code} and a {@code message} for
 * people. Where the request ran (a scan gave a {@code ScanResult} with an error, an explanation an
 * {@code Explanation}), that answer's fields follow {@code code} and {@code message} in the same object, so a client
 * reads {@code code} the same way for every error and the result where there is one.
 *
 * @param code    a stable code: the scanner's {@code ErrorCode} name, or a service's own (see {@link #forStatus})
 * @param message a sentence for people
 * @param result  what ran, its fields written after {@code code} and {@code message}; null when nothing ran
 */
@JsonPropertyOrder({"code", "message"})
public record ErrorBody(String code, String message, @JsonUnwrapped Object result) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ErrorBody(String code, String message) {
        this(code, message, null);
    }

    /** The body for an HTTP status that no code of ours explains (no such path, method, media type; too large). */
    public static ErrorBody forStatus(int status) {
        return switch (status) {
            case 400 -> new ErrorBody("BAD_REQUEST", "the request is malformed");
            case 401 -> new ErrorBody("UNAUTHORIZED", "missing or unknown X-API-Key");
            case 404 -> new ErrorBody("NOT_FOUND", "no such resource");
            case 405 -> new ErrorBody("METHOD_NOT_ALLOWED", "this resource does not take that HTTP method");
            case 406 -> new ErrorBody("NOT_ACCEPTABLE", "this resource answers application/json");
            case 413 -> new ErrorBody("TOO_LARGE", "request body above the size limit");
            case 415 -> new ErrorBody("UNSUPPORTED_MEDIA_TYPE", "this resource does not take that Content-Type");
            case 429 -> new ErrorBody("RATE_LIMITED", "too many requests; retry shortly");
            case 503 -> new ErrorBody("UNAVAILABLE", "the service is not ready; retry shortly");
            default -> status >= 500 ? new ErrorBody("INTERNAL", "internal error; see the service log")
                    : new ErrorBody("BAD_REQUEST", "the request was refused (HTTP " + status + ")");
        };
    }

    /** The HTTP status of a scanner error code ({@code ErrorCode} name): bad input is the client's (4xx), never 500. */
    public static int statusOf(String scanErrorCode) {
        return switch (scanErrorCode) {
            case "UNSUPPORTED_FORMAT" -> 415;
            case "TOO_LARGE", "DECOMPRESSION_BOMB" -> 413;
            case "TIMEOUT" -> 503;
            case "INTERNAL" -> 500;
            default -> 422; // EMPTY_INPUT, TRUNCATED, MALFORMED, UNSUPPORTED_FEATURE, ...
        };
    }

    /** This body as JSON, for the places that write it below JAX-RS (the HTTP layer's own refusals). */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
