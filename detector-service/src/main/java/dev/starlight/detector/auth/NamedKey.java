package dev.starlight.detector.auth;

/**
 * One accepted API key: its name (what metrics, rate limits and logs show) and the SHA-256 of the key.
 *
 * @param name   a label such as {@code ci} or {@code partner-a}, never the key
 * @param digest SHA-256 of the key's UTF-8 bytes
 */
public record NamedKey(String name, byte[] digest) {
}
