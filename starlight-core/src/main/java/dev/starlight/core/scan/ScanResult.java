package dev.starlight.core.scan;

import dev.starlight.core.Evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The one verdict type, published on {@code starlight.scan.results}, returned by the HTTP gateway and printed by
 * {@code starlight scan --json}. Field names and order are the contract of DESIGN.md.
 *
 * @param requestId        the request's id (the Kafka key, the HTTP request's id, or the file path for the CLI)
 * @param sha256           hex SHA-256 of the input bytes
 * @param source           where the bytes came from (file path, inscription id, ...); may be null
 * @param format           png, gif, bmp, jpeg, webp; null when not recognised
 * @param width            null when not decoded
 * @param height           null when not decoded
 * @param verdict          clean, stego or error
 * @param stegoProbability 0..1; null for errors
 * @param method           alpha, palette, lsb.rgb, exif, raw, other; null when clean or unknown
 * @param bitOrder         lsb-first or msb-first for LSB methods; else null
 * @param payload          the recovered message; null when none was recovered
 * @param evidence         every finding, including detectors that could not run
 * @param modelVersion     the model (or rule set) that decided
 * @param latencyMs        time spent on this image
 * @param error            set only when verdict is error
 */
@JsonPropertyOrder({"requestId", "sha256", "source", "format", "width", "height", "verdict", "stegoProbability",
        "method", "bitOrder", "payload", "evidence", "modelVersion", "latencyMs", "error"})
public record ScanResult(
        String requestId,
        String sha256,
        String source,
        String format,
        Integer width,
        Integer height,
        Verdict verdict,
        Double stegoProbability,
        String method,
        String bitOrder,
        Payload payload,
        List<Evidence> evidence,
        String modelVersion,
        long latencyMs,
        ScanError error) {

    public ScanResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * An error result: who asked, which bytes (sha256 and format where known) and why; no dimensions, evidence or
     * payload. The one way every front end (scanner, detector, CLI) builds one.
     */
    public static ScanResult error(String requestId, String sha256, String source, String format,
                                   String modelVersion, long latencyMs, ScanError error) {
        return new ScanResult(requestId, sha256, source, format, null, null, Verdict.ERROR, null, null, null, null,
                List.of(), modelVersion, latencyMs, error);
    }

    /**
     * This result as the answer to another request for the same bytes (a cached result): that request's id (this
     * one's when null), its source and its latency.
     */
    public ScanResult restamped(String newRequestId, String newSource, long newLatencyMs) {
        return new ScanResult(newRequestId != null ? newRequestId : requestId, sha256, newSource, format, width, height,
                verdict, stegoProbability, method, bitOrder, payload, evidence, modelVersion, newLatencyMs, error);
    }

    @JsonIgnore
    public boolean isStego() {
        return verdict == Verdict.STEGO;
    }

    @JsonIgnore
    public boolean isError() {
        return verdict == Verdict.ERROR;
    }
}
