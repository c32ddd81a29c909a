package dev.starlight.monitor.client;

/**
 * The monitor answered with an error: {@code status} is the HTTP status, {@code code} the stable error code of its
 * error body (UNKNOWN_WINDOW, UNKNOWN_MODEL, UNKNOWN_ALERT, BAD_ACTION, NO_REASON, ...), or {@code HTTP_<status>}
 * when the body had none.
 */
public final class MonitorApiException extends RuntimeException {
    private final int status;
    private final String code;

    public MonitorApiException(int status, String code, String message) {
        super(code + " (HTTP " + status + "): " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
