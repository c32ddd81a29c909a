package dev.starlight.trainer.service.runs;

/** A request the service refuses, with the stable code the HTTP layer reports. */
public class RunException extends RuntimeException {
    private final ErrorCode code;

    public RunException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
