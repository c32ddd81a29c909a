package dev.starlight.codecs;

/** A failure with a stable {@link ErrorCode}. Everything the core throws on bad input is one of these. */
public class StarlightException extends RuntimeException {
    private final ErrorCode code;

    public StarlightException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public StarlightException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
