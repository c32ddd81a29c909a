package dev.starlight.core.model;

/** A model envelope refused by {@link TrustedKeys}: intact, but not from a publisher this consumer trusts. */
public class UntrustedModelException extends RuntimeException {
    /** Why the envelope was refused; the names are stable (logs and metrics use them). */
    public enum Reason { UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE }

    private final Reason reason;

    public UntrustedModelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
