package dev.starlight.detector.http;

/** Body of an HTTP error that has no ScanResult (auth, queue full, missing field). */
public record ErrorBody(String code, String message) {
}
