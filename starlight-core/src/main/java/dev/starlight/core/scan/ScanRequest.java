package dev.starlight.core.scan;

/**
 * One image to scan.
 *
 * @param requestId the caller's id; null lets the scanner derive one from the content
 * @param source    where the bytes came from (file path, inscription id, ...); may be null
 * @param data      the raw file bytes
 */
public record ScanRequest(String requestId, String source, byte[] data) {

    public static ScanRequest of(byte[] data) {
        return new ScanRequest(null, null, data);
    }
}
