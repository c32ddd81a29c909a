package dev.starlight.core.scan;

/** Why no verdict could be reached: a stable code from {@link dev.starlight.codecs.ErrorCode} and a message. */
public record ScanError(String code, String message) {
}
